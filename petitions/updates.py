"""'Keep me updated': a confirmed signature whose signer ticked the box becomes a sign-up (signup.Supporter), with
the wording they ticked as its consent record. The click that confirmed the signature confirmed the address too."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from signup.models import SignUpPage, Supporter, SupporterStatus


def updates_consent(signature):
    return (
        f"[x] {signature.petition.updates_consent_text}\n"
        f"(ticked when signing the petition “{signature.petition.title}”, confirmed by e-mail)"
    )


def sign_up_for_updates(signature):
    """Makes or renews the signer's sign-up, confirmed and wanting e-mail updates."""
    now = timezone.now()
    consent = {
        "email_updates": True,
        "data_consent": True,
        "consent_text": updates_consent(signature),
        "consent_version": signature.consent_version,
        "consented_at": signature.created_at,
        "status": SupporterStatus.CONFIRMED,
        "unsubscribed_at": None,
    }
    supporter = Supporter.objects.select_for_update().filter(email__iexact=signature.email).first()
    if supporter is None:
        try:
            with transaction.atomic():
                Supporter.objects.create(
                    page=SignUpPage.objects.live().first(),
                    email=signature.email,
                    name=signature.name,
                    postcode=signature.postcode,
                    confirmed_at=now,
                    # Confirmed already: no sign-up confirmation is owed.
                    confirmation_sent_at=now,
                    **consent,
                )
                return
        except IntegrityError:
            supporter = Supporter.objects.select_for_update().get(email__iexact=signature.email)
    for field, value in consent.items():
        setattr(supporter, field, value)
    supporter.confirmed_at = supporter.confirmed_at or now
    supporter.save()
