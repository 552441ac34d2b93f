"""How long sign-ups are kept: run daily by `apply_retention` (and `prune_signups`), registered in signup/apps.py."""

from datetime import timedelta

from website.personal_data import Retention

from .models import Supporter, SupporterStatus


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def prune_unconfirmed(now, days):
    """Deletes sign-ups never confirmed within `days`, and drops a supporter's unconfirmed changes as old."""
    cutoff = now - timedelta(days=days)
    deleted, _ = Supporter.objects.filter(status=SupporterStatus.PENDING, created_at__lt=cutoff).delete()
    # A confirmed supporter's unconfirmed new details are held only as long as a new sign-up would be.
    dropped = Supporter.objects.filter(pending_since__lt=cutoff).update(pending_changes=None, pending_since=None)
    return (
        f"Deleted {plural(deleted, 'unconfirmed sign-up')} older than {days} days; "
        f"dropped {plural(dropped, 'unconfirmed change')}"
    )


def anonymise_unsubscribed(now, days=None):
    anonymised = Supporter.objects.filter(status=SupporterStatus.UNSUBSCRIBED, anonymised_at=None).update(
        name="",
        email=None,
        postcode="",
        membership="",
        interests=[],
        consent_text="",
        pending_changes=None,
        pending_since=None,
        anonymised_at=now,
    )
    return f"anonymised {plural(anonymised, 'unsubscribed supporter')}"


RULES = [
    Retention(
        "SIGNUP_PENDING_DAYS",
        "Sign-ups never confirmed are deleted {days} days after they were made; changes a supporter never confirmed "
        "are dropped after as long.",
        prune_unconfirmed,
    ),
    Retention(
        None,
        "A supporter who unsubscribes is anonymised the next night: only the date and the consent's version stay.",
        anonymise_unsubscribed,
    ),
]
