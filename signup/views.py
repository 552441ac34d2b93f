"""The sign-up's visitor path: the form, the thank-you page, confirming, and unsubscribing."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from signup.forms import SignUpForm
from signup.links import LinkExpired, LinkInvalid, read_confirmation_token, read_unsubscribe_token
from signup.models import SignUpPage, Supporter, SupporterStatus, new_nonce
from signup.tasks import send_confirmation
from website.forms import is_rate_limited, too_many_requests
from website.never_cache import never_cached, never_cached_view
from website.page_views import answers_route
from website.shared_forms import resending
from website.tasks import enqueue_or_retry_later

DETAIL_FIELDS = ("name", "postcode", "membership", "interests", "email_updates", "data_consent")


@answers_route("signup.sign_up")
def sign_up(request, page):
    """The form, the same for every visitor (the caches keep it); each post's answer is the visitor's own."""
    if request.method == "POST" and not resending(request):
        limits = {"email_field": "email", "email_rate": settings.SIGNUP_EMAIL_RATE_LIMIT}
        if is_rate_limited(request, "signup", settings.SIGNUP_RATE_LIMIT, **limits):
            return too_many_requests(request)
        form = SignUpForm(request.POST, page=page)
        if form.is_valid():
            supporter = save_sign_up(page, form)
            what = f"the confirmation for supporter {supporter.pk}"
            enqueue_or_retry_later(send_confirmation, supporter.pk, what=what)
            return redirect(page.url + page.reverse_subpage("thanks"))
    elif request.method == "POST":
        # Refused for want of a token (no JavaScript): shown again as typed, to send once more.
        form = SignUpForm(request.POST, page=page)
    else:
        form = SignUpForm(page=page)
    response = TemplateResponse(request, "signup/sign_up_page.html", {"page": page, "form": form})
    return never_cached(response) if request.method == "POST" else response


def save_sign_up(page, form):
    """Keeps the sign-up. A known address gets its new details held until its owner confirms them.

    The visitor sees the same thank-you either way, so the form never tells a stranger who has signed up.
    """
    data = form.cleaned_data
    details = {field: data[field] for field in DETAIL_FIELDS}
    consent = {"consent_text": form.consent_record(), "consent_version": page.consent_version}
    now = timezone.now()
    try:
        # A new address first, as most are: one insert, with no look beforehand (a launch day's many posts).
        with transaction.atomic():
            return Supporter.objects.create(page=page, email=data["email"], **details, **consent, consented_at=now)
    except IntegrityError:
        # A known address (the constraint on the lower-cased address says so, even for two posts at once): hold
        # these details on its record until its owner confirms them.
        existing = Supporter.objects.get(email__iexact=data["email"])
    existing.pending_changes = {**details, **consent, "page_id": page.pk}
    # The moment they consented to the held details: it becomes consented_at once they confirm.
    existing.pending_since = now
    existing.confirmation_nonce = new_nonce()
    # A fresh e-mail with the new link is due, even if an older one is being sent right now (website/mail.py).
    existing.confirmation_sent_at = existing.confirmation_claimed_at = None
    existing.save(
        update_fields=[
            "pending_changes",
            "pending_since",
            "confirmation_nonce",
            "confirmation_sent_at",
            "confirmation_claimed_at",
        ]
    )
    return existing


@answers_route("signup.thanks")
def thanks(request, page):
    return TemplateResponse(request, "signup/thanks.html", {"page": page})


def page_for(supporter=None):
    """The sign-up page whose wording frames a link's answer: the supporter's own, else the first live one."""
    if supporter is not None and supporter.page_id:
        return supporter.page
    return SignUpPage.objects.live().first()


# Mail programs and their link scanners open every link in an e-mail before the person does: opening a link only
# shows a page with one button, and only pressing it (a POST, with the usual CSRF token: these pages are each
# visitor's own and never cached) confirms or unsubscribes.
@never_cached_view
def confirm(request, token):
    try:
        claim = read_confirmation_token(token)
    except LinkExpired:
        return link_problem(request, "expired")
    except LinkInvalid:
        return link_problem(request, "invalid")
    with transaction.atomic():
        supporter = Supporter.objects.select_for_update().filter(pk=claim.get("id")).first()
        if supporter is None or not supporter.email:
            return link_problem(request, "invalid")
        page = page_for(supporter)
        newest = claim.get("nonce") == supporter.confirmation_nonce
        if supporter.status == SupporterStatus.UNSUBSCRIBED and supporter.pending_since is None:
            # Unsubscribing spent every link sent before it (only signing up again gives a new one): say so, rather
            # than blame a newer e-mail nobody sent, or quietly subscribe them again.
            return link_problem(request, "unsubscribed", page)
        if not newest and supporter.status != SupporterStatus.CONFIRMED:
            # An older e-mail's link, superseded by a newer sign-up: only the newest link confirms.
            return link_problem(request, "superseded", page)
        if newest and request.method != "POST":
            return never_cached(TemplateResponse(request, "signup/confirm.html", {"page": page}))
        if newest:
            apply_confirmation(supporter)
    return never_cached(TemplateResponse(request, "signup/confirmed.html", {"page": page}))


def apply_confirmation(supporter):
    """Confirms the address and applies any details waiting for it. Confirming again changes nothing."""
    changes = supporter.pending_changes or {}
    for field in DETAIL_FIELDS + ("consent_text", "consent_version"):
        if field in changes:
            setattr(supporter, field, changes[field])
    if changes:
        supporter.consented_at = supporter.pending_since
    if changes.get("page_id"):
        supporter.page_id = changes["page_id"]
    if supporter.status != SupporterStatus.CONFIRMED:
        supporter.status = SupporterStatus.CONFIRMED
        supporter.confirmed_at = timezone.now()
        supporter.unsubscribed_at = None
    supporter.pending_changes = supporter.pending_since = None
    # The link is spent: a second click finds the record confirmed and says so, nothing more.
    supporter.confirmation_nonce = new_nonce()
    supporter.save()


def link_problem(request, problem, page=None):
    page = page or page_for()
    return never_cached(
        TemplateResponse(request, "signup/link_problem.html", {"page": page, "problem": problem}, status=400)
    )


ONE_CLICK = "One-Click"


# Mail programs unsubscribe with a bare POST (RFC 8058: "List-Unsubscribe=One-Click"), without a CSRF token; the
# signed link is the proof. Everything else goes through the page and its button, CSRF token and all.
@csrf_exempt
@never_cached_view
def unsubscribe(request, token):
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK:
        return unsubscribe_now(request, token)
    return unsubscribe_page(request, token)


@csrf_protect
def unsubscribe_page(request, token):
    """Opening the link shows the button; pressing it unsubscribes."""
    if request.method == "POST":
        return unsubscribe_now(request, token)
    try:
        claim = read_unsubscribe_token(token)
    except LinkInvalid:
        return link_problem(request, "invalid")
    supporter = Supporter.objects.filter(pk=claim.get("id")).first()
    return never_cached(TemplateResponse(request, "signup/unsubscribe.html", {"page": page_for(supporter)}))


def unsubscribe_now(request, token):
    """Honoured at once; unsubscribing again changes nothing."""
    try:
        claim = read_unsubscribe_token(token)
    except LinkInvalid:
        return link_problem(request, "invalid")
    supporter = Supporter.objects.filter(pk=claim.get("id")).first()
    if supporter is not None and supporter.status != SupporterStatus.UNSUBSCRIBED:
        supporter.status = SupporterStatus.UNSUBSCRIBED
        supporter.email_updates = False
        supporter.pending_changes = supporter.pending_since = None
        supporter.unsubscribed_at = timezone.now()
        supporter.save(update_fields=["status", "email_updates", "pending_changes", "pending_since", "unsubscribed_at"])
    return never_cached(TemplateResponse(request, "signup/unsubscribed.html", {"page": page_for(supporter)}))
