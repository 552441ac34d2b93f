"""How long signatures are kept: run daily by `apply_retention` (and `prune_signatures`), registered in
petitions/apps.py. Unconfirmed ones go after the sign-up's pending days; confirmed ones are anonymised (the count
stays) once their petition is closed and its closing, hand-in and switching-off dates are PETITION_KEEP_DAYS past."""

from datetime import timedelta

from django.db.models import Q

from petitions.models import PetitionPage, Signature
from website.personal_data import Retention


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def finished_petitions(today, days):
    """Petitions closed (switch or date) whose last date (closing, hand-in, switched off) is more than `days` ago.
    A petition switched off with none of those dates counts from the day it was switched off (closed_on)."""
    cutoff = today - timedelta(days=days)
    closed = Q(closed=True) | Q(closes_on__lt=today)
    dated = Q(closes_on__isnull=False) | Q(hand_in_on__isnull=False) | Q(closed_on__isnull=False)
    not_recent = (
        (Q(closes_on__isnull=True) | Q(closes_on__lt=cutoff))
        & (Q(hand_in_on__isnull=True) | Q(hand_in_on__lt=cutoff))
        & (Q(closed_on__isnull=True) | Q(closed_on__lt=cutoff))
    )
    return PetitionPage.objects.filter(closed & dated & not_recent)


def prune_unconfirmed(now, days):
    deleted, _ = Signature.objects.filter(confirmed_at__isnull=True, created_at__lt=now - timedelta(days=days)).delete()
    return f"deleted {plural(deleted, 'unconfirmed signature')} older than {days} days"


def anonymise_finished(now, days):
    anonymised = Signature.objects.filter(
        petition__in=finished_petitions(now.date(), days), anonymised_at__isnull=True
    ).update(name="", email=None, postcode="", consent_text="", anonymised_at=now)
    return f"anonymised {plural(anonymised, 'signature')} on finished petitions"


RULES = [
    Retention(
        "SIGNUP_PENDING_DAYS",
        "Signatures never confirmed are deleted {days} days after they were made.",
        prune_unconfirmed,
    ),
    Retention(
        "PETITION_KEEP_DAYS",
        "Confirmed signatures are anonymised once their petition is closed and its closing, hand-in and "
        "switching-off dates are {days} days past; the count stays.",
        anonymise_finished,
    ),
]
