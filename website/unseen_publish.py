"""An editor's save must not undo a publish it never saw.

Wagtail's editor writes a page's row (`form.save(commit=True)`) only when its view read the page as a draft; a live
page's edits go only into a revision. An autosave (half a second after each change), a "Save draft" or a
"Submit for moderation" that read the page as a draft and wrote after someone's publish of it had committed so put
`live` = False and the draft's title and content over the row just published: the admin had said "published" and
visitors saw nothing (a press officer who picks the picture and clicks Publish at once sends both side by side).

Such a save now does what Wagtail does for a live page: the row stays as published, and the draft goes on only as
a revision (the editor's `save_revision` right after), which the page then shows as live with changes waiting. The
page also takes the row's latest revision, so an autosave that meant to overwrite its own earlier revision meets
Wagtail's own conflict ("not the latest") rather than writing its older words over the publish's.

Only the editor's form asks (website/page_forms.py): an unpublish, a scheduled publish, a move or a copy sets
`live` itself, knowingly, and is left alone.

Left as Wagtail has them: a first autosave or a "Save draft" that read the page before the publish still becomes
the latest revision, so the editor may reopen a draft a step behind what is live (the form cannot tell an autosave
from the button, and Wagtail lets a button save over a newer revision); and an editor's Publish with a go-live date
to come, whose write the guard let through while the page was a draft, may take back someone's publish that lands
in the milliseconds before its own publish step (only wrapping Wagtail's whole view would close that).
"""

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


def published_since_read(page):
    """Whether `page`, which the editor read as a draft, is live now: published by someone since. If so, `page`
    takes the row's published state, so that what follows (the revision, the editor's message) sees the page as it
    is. Called inside the transaction of the write it decides: the row stays locked until then, so that no publish
    lands between this read and that write (a lock that still lets rows pointing at the page be added)."""
    if page.live:
        return False
    row = Page.objects.filter(pk=page.pk).select_for_update(no_key=True).values(*PUBLISHED_STATE).first()
    if row is None or not row["live"]:
        return False
    for field in PUBLISHED_STATE:
        setattr(page, field, row[field])
    return True
