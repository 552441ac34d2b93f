"""How long letter signatories are kept: run daily by `apply_retention`, registered in letters/apps.py. Approved ones
stay while the letter shows them (erasure takes one off); those who never confirmed, and those a moderator
rejected, go."""

from datetime import timedelta

from letters.choices import SignatoryStatus
from letters.models import Signatory
from website.personal_data import Retention


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def prune_unconfirmed(now, days):
    old = now - timedelta(days=days)
    deleted, _ = Signatory.objects.filter(status=SignatoryStatus.UNCONFIRMED, created_at__lt=old).delete()
    return f"deleted {plural(deleted, 'unconfirmed letter signatory')} older than {days} days".replace(
        "signatorys", "signatories"
    )


def prune_rejected(now, days=None):
    deleted, _ = Signatory.objects.filter(status=SignatoryStatus.REJECTED).delete()
    return f"deleted {plural(deleted, 'rejected letter signatory')}".replace("signatorys", "signatories")


RULES = [
    Retention(
        "SIGNUP_PENDING_DAYS",
        "Letter signatories who never confirmed are deleted {days} days after they signed.",
        prune_unconfirmed,
    ),
    Retention(None, "A signatory a moderator rejects is deleted the next night.", prune_rejected),
]
