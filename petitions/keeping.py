"""How long signatures are kept: unconfirmed ones go after the sign-up's pending days; confirmed ones are anonymised
(the count stays) once their petition is closed and both its closing and hand-in dates are PETITION_KEEP_DAYS past."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from petitions.models import PetitionPage, Signature


def keep_days():
    return getattr(settings, "PETITION_KEEP_DAYS", 180)


def finished_petitions(today):
    """Petitions closed (switch or date) whose last date (closing, hand-in) is more than keep_days() ago."""
    cutoff = today - timedelta(days=keep_days())
    closed = Q(closed=True) | Q(closes_on__lt=today)
    dated = Q(closes_on__isnull=False) | Q(hand_in_on__isnull=False)
    not_recent = (Q(closes_on__isnull=True) | Q(closes_on__lt=cutoff)) & (
        Q(hand_in_on__isnull=True) | Q(hand_in_on__lt=cutoff)
    )
    return PetitionPage.objects.filter(closed & dated & not_recent)


def prune(pending_days):
    """(deleted unconfirmed, anonymised confirmed)."""
    now = timezone.now()
    cutoff = now - timedelta(days=pending_days)
    deleted, _ = Signature.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    anonymised = Signature.objects.filter(
        petition__in=finished_petitions(timezone.localdate()), anonymised_at__isnull=True
    ).update(name="", email=None, postcode="", consent_text="", anonymised_at=now)
    return deleted, anonymised
