"""A moderator's decision on individual signatories, and the letter page showing it at once."""

from django.db import transaction
from django.utils import timezone

from letters.choices import SignatoryStatus
from website.purge import forget_page

# Only a confirmed address may be approved; a rejected one may be approved later, and the other way round.
REVIEWABLE = (SignatoryStatus.PENDING, SignatoryStatus.APPROVED, SignatoryStatus.REJECTED)


def decide(signatories, status, moderator):
    """Approves or rejects the reviewable ones among `signatories` (a queryset); returns how many changed."""
    changed = 0
    letters = {}
    with transaction.atomic():
        for signatory in signatories.select_for_update().filter(status__in=REVIEWABLE).select_related("letter"):
            if signatory.status == status:
                continue
            signatory.status, signatory.reviewed_at, signatory.reviewed_by = status, timezone.now(), moderator
            signatory.save(update_fields=["status", "reviewed_at", "reviewed_by"])
            letters[signatory.letter_id] = signatory.letter
            changed += 1
        for letter in letters.values():
            forget_page(letter)
    return changed


def approve(signatories, moderator):
    return decide(signatories, SignatoryStatus.APPROVED, moderator)


def reject(signatories, moderator):
    return decide(signatories, SignatoryStatus.REJECTED, moderator)
