"""Keeping a signature and confirming it: the one place the count moves.

A signature is saved as it is sent, and counts only once its e-mail address is confirmed, in the transaction that
raises the petition's counter by one (F() + 1: concurrent confirmations each add theirs, nobody reads and writes
back). One address signs a petition once (a unique constraint): sending the form again gets the same answer, a
fresh link if it is still unconfirmed, and never a second count.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from petitions.models import Signature, SignatureCount
from petitions.models.signature import new_nonce
from petitions.updates import sign_up_for_updates

DETAIL_FIELDS = ("name", "postcode", "show_name", "keep_updated")


def save_signature(petition, form):
    """Keeps the signature; returns it if a confirmation e-mail is now due, else None (already confirmed)."""
    data = form.cleaned_data
    details = {field: data[field] for field in DETAIL_FIELDS}
    details.update(consent_text=form.consent_record(), consent_version=petition.consent_version)
    try:
        with transaction.atomic():
            return Signature.objects.create(petition=petition, email=data["email"], **details)
    except IntegrityError:
        # Signed before (or at this very moment, in another request): the same answer, and no second count.
        pass
    with transaction.atomic():
        existing = Signature.objects.select_for_update().filter(petition=petition, email__iexact=data["email"]).first()
        if existing is None or existing.is_confirmed:
            return None
        # Still unconfirmed: the newest details wait for the address's owner, who sees them before confirming.
        for field, value in details.items():
            setattr(existing, field, value)
        existing.confirmation_nonce = new_nonce()
        # A fresh e-mail with the new link is due, even if an older one is being sent right now (website/mail.py).
        existing.confirmation_sent_at = existing.confirmation_claimed_at = None
        existing.save()
        return existing


def add_to_count(petition_id):
    """Raises the petition's counter by one, making its row on the first confirmation. Inside the caller's
    transaction, so that the count moves if and only if the signature is confirmed."""
    if SignatureCount.objects.filter(petition_id=petition_id).update(confirmed=F("confirmed") + 1):
        return
    try:
        with transaction.atomic():
            SignatureCount.objects.create(petition_id=petition_id, confirmed=1)
    except IntegrityError:
        # Another confirmation made the row meanwhile.
        SignatureCount.objects.filter(petition_id=petition_id).update(confirmed=F("confirmed") + 1)


def confirm_signature(signature):
    """Confirms a locked, unconfirmed signature (the caller holds it with select_for_update) and counts it."""
    now = timezone.now()
    signature.confirmed_at = now
    # The link is spent: a second press finds the signature confirmed and says so, nothing more.
    signature.confirmation_nonce = new_nonce()
    signature.save(update_fields=["confirmed_at", "confirmation_nonce"])
    add_to_count(signature.petition_id)
    if signature.keep_updated:
        sign_up_for_updates(signature)
