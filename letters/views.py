"""The signatory's path: the letter and its form, the thank-you page, confirming by e-mail; and the share image."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from letters.choices import SignatoryStatus, new_nonce
from letters.forms import SignatoryForm
from letters.links import LinkExpired, LinkInvalid, read_confirmation_token
from letters.models import Signatory
from letters.share_image import letter_poster_png
from letters.supporters import sign_up_for_updates
from letters.tasks import send_confirmation
from website.forms import is_rate_limited, too_many_requests
from website.never_cache import never_cached, never_cached_view
from website.page_views import answers_route
from website.shared_forms import resending
from website.sharing import share_links
from website.tasks import enqueue_or_retry_later

DETAIL_FIELDS = ("name", "role", "organisation", "keep_updated")


@answers_route("letters.sign")
def sign(request, letter):
    """The letter with its form, the same for every visitor (the caches keep it); a post's answer is its own."""
    if request.method == "POST" and not resending(request):
        limits = {"email_field": "email", "email_rate": settings.LETTER_EMAIL_RATE_LIMIT}
        if is_rate_limited(request, "letter", settings.LETTER_RATE_LIMIT, **limits):
            return too_many_requests(request)
        form = SignatoryForm(request.POST, letter=letter)
        if form.is_valid():
            signatory = save_signature(letter, form)
            if signatory is not None:
                enqueue_or_retry_later(send_confirmation, signatory.pk, what=f"the confirmation for {signatory.pk}")
            return redirect(letter.url + letter.reverse_subpage("thanks"))
    elif request.method == "POST":
        # Refused for want of a token (no JavaScript): shown again as typed, to send once more.
        form = SignatoryForm(request.POST, letter=letter)
    else:
        form = SignatoryForm(letter=letter)
    response = letter.render(request, context_overrides={"form": form})
    return never_cached(response) if request.method == "POST" else response


def save_signature(letter, form):
    """Keeps the signature; one per address per letter. Returns the record that owes an e-mail, or None.

    An address that has not confirmed yet gets its new details and a fresh link; one that has confirmed changes
    nothing. The visitor sees the same thank-you either way, so the form never tells a stranger who has signed.
    """
    data = form.cleaned_data
    details = {field: data[field] for field in DETAIL_FIELDS}
    consent_text = form.consent_record()
    try:
        with transaction.atomic():
            return Signatory.objects.create(letter=letter, email=data["email"], consent_text=consent_text, **details)
    except IntegrityError:
        pass
    existing = Signatory.objects.filter(letter=letter, email__iexact=data["email"]).first()
    if existing is None or existing.status != SignatoryStatus.UNCONFIRMED:
        return None
    for field, value in details.items():
        setattr(existing, field, value)
    existing.consent_text = consent_text
    existing.confirmation_nonce = new_nonce()
    # A fresh e-mail with the new link is due, even if an older one is being sent right now (website/mail.py).
    existing.confirmation_sent_at = existing.confirmation_claimed_at = None
    existing.save()
    return existing


@answers_route("letters.thanks")
def thanks(request, letter):
    links = share_links(letter.full_url, letter.title, letter.get_share_description())
    return TemplateResponse(request, "letters/thanks.html", {"page": letter, "links": links})


# Mail programs' link scanners open every link: opening shows a button, and only pressing it (a POST, with the usual
# CSRF token: these pages are each visitor's own and never cached) confirms.
@never_cached_view
def confirm(request, token):
    try:
        claim = read_confirmation_token(token)
    except LinkExpired:
        return link_problem(request, "expired")
    except LinkInvalid:
        return link_problem(request, "invalid")
    with transaction.atomic():
        signatory = Signatory.objects.select_for_update().select_related("letter").filter(pk=claim.get("id")).first()
        if signatory is None or not signatory.email:
            return link_problem(request, "invalid")
        letter = signatory.letter
        unconfirmed = signatory.status == SignatoryStatus.UNCONFIRMED
        if unconfirmed and claim.get("nonce") != signatory.confirmation_nonce:
            return link_problem(request, "superseded", letter)
        if unconfirmed and request.method != "POST":
            return never_cached(TemplateResponse(request, "letters/confirm.html", {"page": letter}))
        if unconfirmed:
            signatory.status = SignatoryStatus.PENDING
            signatory.confirmed_at = timezone.now()
            signatory.confirmation_nonce = new_nonce()
            signatory.save(update_fields=["status", "confirmed_at", "confirmation_nonce"])
            sign_up_for_updates(signatory)
    links = share_links(letter.full_url, letter.title, letter.get_share_description())
    return never_cached(TemplateResponse(request, "letters/confirmed.html", {"page": letter, "links": links}))


def link_problem(request, problem, letter=None):
    context = {"page": letter, "problem": problem}
    return never_cached(TemplateResponse(request, "letters/link_problem.html", context, status=400))


@answers_route("letters.share_image")
def share_image(request, letter):
    """The letter's poster for social networks' previews: drawn on the server, kept by the caches for an hour."""
    response = HttpResponse(letter_poster_png(letter), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response
