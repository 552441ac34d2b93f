"""A moderator's decision on individual signatories, and the letter page showing it at once."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

from letters.choices import SignatoryStatus
from website.generation import caching, start_new_generation

# Only a confirmed address may be approved; a rejected one may be approved later, and the other way round.
REVIEWABLE = (SignatoryStatus.PENDING, SignatoryStatus.APPROVED, SignatoryStatus.REJECTED)


def refresh_letter(letter):
    """After the commit, every cached copy of the letter goes: the page cache starts afresh and the proxy in front
    (if any) forgets the letter's addresses (its get_cached_paths)."""
    if caching():
        transaction.on_commit(start_new_generation)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(partial(purge_page_from_cache, letter))


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
            refresh_letter(letter)
    return changed


def approve(signatories, moderator):
    return decide(signatories, SignatoryStatus.APPROVED, moderator)


def reject(signatories, moderator):
    return decide(signatories, SignatoryStatus.REJECTED, moderator)
