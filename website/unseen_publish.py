"""A draft's save must not undo a publish it never saw.

Wagtail's editor writes a draft page's row whole (a live page's edits go only into a revision). It decides which by
the page as it read it at the start of the request. An autosave (half a second after each change) or a "Save draft"
that read the page as a draft, and finishes after someone's publish of it committed, so wrote `live` = False and the
draft's title and content over the row just published: the admin had said "published" and visitors saw nothing (a
press officer who picks the picture and clicks Publish at once sends both side by side).

Such a save now does what Wagtail does for a live page: the row stays as published, and the draft goes on only as
a revision (the editor's `save_revision` right after), which the page then shows as live with changes waiting. The
page also takes the row's latest revision, so an autosave that meant to overwrite its own earlier revision meets
Wagtail's own conflict ("not the latest") rather than writing its older words over the publish's.
"""

from django.db import transaction
from wagtail.models import Page

# What a publish writes that a draft's save would take back or not know of.
PUBLISHED_STATE = (
    "live",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "latest_revision_id",
    "latest_revision_created_at",
)


def published_since_read(page, update_fields=None):
    """Whether saving `page` whole would write a draft over a row published after `page` was read.

    An unpublish is not such a save: it read the page live, so it knows the publish it undoes (the same
    `last_published_at`). When it is, `page` takes the row's published state, so that what follows (the revision,
    the editor's message) sees the page as it is.
    """
    if page.live or page.pk is None or page._state.adding or update_fields is not None:
        return False
    rows = Page.objects.filter(pk=page.pk).values(*PUBLISHED_STATE)
    # Held until the save's transaction ends, so that no publish can land between this read and the write.
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update()
    row = rows.first()
    if row is None or not row["live"] or row["last_published_at"] == page.last_published_at:
        return False
    for field in PUBLISHED_STATE:
        setattr(page, field, row[field])
    return True
