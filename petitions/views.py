"""The signer's path: the petition and its form, the thank-you page with the share step, and confirming."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from petitions.forms import SignatureForm
from petitions.freshness import shows_live_count
from petitions.links import LinkExpired, LinkInvalid, read_confirmation_token
from petitions.models import Signature
from petitions.queries import recent_public_names
from petitions.share_views import share_image_path
from petitions.signatures import confirm_signature, save_signature
from petitions.tasks import send_confirmation
from website.forms import is_rate_limited, too_many_requests
from website.never_cache import never_cached, never_cached_view
from website.page_views import answers_route
from website.shared_forms import resending
from website.tasks import enqueue_or_retry_later


def rate(name, fallback):
    return getattr(settings, name, getattr(settings, fallback))


@answers_route("petitions.sign")
def sign(request, petition):
    """The petition and its form, the same for every visitor (the caches keep it, briefly: it shows the count)."""
    form = None
    if request.method == "POST" and petition.is_open and not resending(request):
        limits = {"email_field": "email", "email_rate": rate("PETITION_EMAIL_RATE_LIMIT", "SIGNUP_EMAIL_RATE_LIMIT")}
        if is_rate_limited(request, "petition", rate("PETITION_RATE_LIMIT", "SIGNUP_RATE_LIMIT"), **limits):
            return too_many_requests(request)
        form = SignatureForm(request.POST, petition=petition)
        if form.is_valid():
            signature = save_signature(petition, form)
            if signature is not None:
                what = f"the confirmation for signature {signature.pk}"
                enqueue_or_retry_later(send_confirmation, signature.pk, what=what)
            # The same answer whether the address signed before or not: the form tells no stranger who signed.
            return redirect(petition.url + petition.reverse_subpage("thanks"))
    elif request.method == "POST" and petition.is_open:
        # Refused for want of a token (no JavaScript): shown again as typed, to send once more.
        form = SignatureForm(request.POST, petition=petition)
    elif petition.is_open:
        form = SignatureForm(petition=petition)
    shows_live_count(request)
    context = {
        **petition.get_context(request),
        "form": form,
        "share_image_path": share_image_path(petition),
        "recent_names": recent_public_names(petition),
    }
    response = TemplateResponse(request, "petitions/petition_page.html", context)
    return never_cached(response) if request.method == "POST" else response


@answers_route("petitions.thanks")
def thanks(request, petition):
    """After signing: check your e-mail, and share the petition meanwhile."""
    return TemplateResponse(request, "petitions/thanks.html", {"page": petition, "petition": petition})


# Mail programs' link scanners open every link in an e-mail: opening shows a button, only pressing it (a POST, with
# the usual CSRF token: this page is each visitor's own and never cached) confirms.
@never_cached_view
def confirm(request, token):
    try:
        claim = read_confirmation_token(token)
    except LinkExpired:
        return link_problem(request, "expired")
    except LinkInvalid:
        return link_problem(request, "invalid")
    with transaction.atomic():
        signature = Signature.objects.select_for_update().select_related("petition").filter(pk=claim.get("id")).first()
        if signature is None or not signature.email:
            return link_problem(request, "invalid")
        petition = signature.petition
        context = {"page": petition, "petition": petition, "signature": signature}
        if signature.is_confirmed:
            return never_cached(TemplateResponse(request, "petitions/confirmed.html", context))
        if claim.get("nonce") != signature.confirmation_nonce:
            # An older e-mail's link, superseded by a newer one: only the newest link confirms.
            return link_problem(request, "superseded", petition)
        if not petition.is_open:
            return link_problem(request, "closed", petition)
        if request.method != "POST":
            return never_cached(TemplateResponse(request, "petitions/confirm.html", context))
        confirm_signature(signature)
    return never_cached(TemplateResponse(request, "petitions/confirmed.html", context))


def link_problem(request, problem, petition=None):
    context = {"page": petition, "petition": petition, "problem": problem}
    return never_cached(TemplateResponse(request, "petitions/link_problem.html", context, status=400))
