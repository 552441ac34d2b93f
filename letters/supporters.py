"""A signatory who ticked "keep me updated" becomes a sign-up supporter, with a consent record of its own.

Confirming the signature proves the address, so the supporter is confirmed at the same moment; the consent record
holds the letter's wording as the person saw it, and where they gave it.
"""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from signup.models import Supporter, SupporterStatus


def consent_version(text):
    """A short fingerprint of the wording, as the sign-up keeps one: a changed wording reads as a new version."""
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def sign_up_for_updates(signatory):
    """Makes (or renews) the supporter record for a confirmed signatory who asked for updates."""
    if not (signatory.keep_updated and signatory.email):
        return None
    now = timezone.now()
    consent = {
        "email_updates": True,
        "data_consent": True,
        "consent_text": f"{signatory.consent_text}\n(Given when signing the open letter “{signatory.letter.title}”.)",
        "consent_version": consent_version(signatory.consent_text),
        "consented_at": signatory.created_at,
    }
    supporter = Supporter.objects.filter(email__iexact=signatory.email).first()
    if supporter is None:
        try:
            with transaction.atomic():
                return Supporter.objects.create(
                    name=signatory.name,
                    email=signatory.email,
                    membership=signatory.organisation,
                    status=SupporterStatus.CONFIRMED,
                    confirmed_at=now,
                    **consent,
                )
        except IntegrityError:
            supporter = Supporter.objects.get(email__iexact=signatory.email)
    for field, value in consent.items():
        setattr(supporter, field, value)
    if supporter.status != SupporterStatus.CONFIRMED:
        supporter.status, supporter.confirmed_at, supporter.unsubscribed_at = SupporterStatus.CONFIRMED, now, None
    supporter.save()
    return supporter
