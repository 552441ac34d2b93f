"""What every app's scale-up step shares: made-up places, unions and causes, chosen the same way every run, and
a fast way to add many pages. `scale_demo_content` runs each app's step (its AppConfig's demo_scaler)."""

import hashlib

from django.db.models import F, prefetch_related_objects
from django.utils import timezone
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

# The scaled items are older than the seed's (dated up to 16 days back), so the home page still leads with those.
NEWEST_DAYS_AGO = 20

PLACES = [
    "Leeds", "Liverpool", "Glasgow", "Cardiff", "Bristol", "Camden", "Sheffield", "Manchester", "Newcastle",
    "Nottingham", "Birmingham", "Norwich", "Brighton", "Swansea", "Dundee", "Belfast", "Hull", "Preston",
    "Plymouth", "Coventry", "Leicester", "Salford", "Hackney", "Lewisham", "Derby", "Stoke", "Wigan", "Bradford",
    "Sunderland", "Aberdeen",
]  # fmt: skip
UNIONS = ["Unite", "GMB", "UNISON", "FBU", "BFAWU", "CWU", "RMT", "PCS", "NEU", "UCU"]
CAUSES = [
    "the NHS", "council housing", "fair pay", "party democracy", "a Green New Deal", "public transport",
    "free school meals", "renters' rights", "the right to strike", "local libraries",
]  # fmt: skip
WORKERS = ["nurses", "bus drivers", "teachers", "refuse collectors", "care workers", "postal workers", "lecturers"]
TOPICS = ["Budget2021", "OurNHS", "ReclaimDemocracy", "RecallConference", "GreenNewDeal", "Rally", "Housing"]


def pick(items, number, salt):
    """A fixed choice from `items` for the `number`th item: varied, and the same every run."""
    digest = hashlib.sha256(f"{number}:{salt}".encode()).digest()
    return items[int.from_bytes(digest[:8]) % len(items)]


COLOURS = ["#b0001e", "#1f4e79", "#00573f", "#6d2077", "#7a0019", "#005eb8", "#2e6b30", "#5b2c6f", "#4a4a4a"]


def add_live_pages(parent, pages):
    """Adds unsaved `pages`, all of one type, as live last children of `parent`, in one query per page and a few.

    Page by page, Wagtail's `add_child` validates, logs and indexes each one (some 25 queries); for demo content
    made by code that is wasted work. The tree columns are what treebeard's add_child computes; the pages are
    then indexed for search in one batch. No revisions: an editor's first edit makes one.
    """
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    for page in pages:
        position += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title, page.locale_id = page.title, parent.locale_id
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
    base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    saved = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages], batch_size=500
    )
    for page, base in zip(pages, saved, strict=True):
        page.page_ptr_id = page.id = base.id
        # raw: only the page type's own table; the row in wagtailcore_page was made above.
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # The index reads a page's related rows (an event's speakers) once per indexed column, a query each time unless
    # they are fetched beforehand: one query for all the pages instead of five per page.
    related = [field.field_name for field in model.get_search_fields() if isinstance(field, index.RelatedFields)]
    prefetch_related_objects(pages, *related)
    get_search_backend().add_bulk(model, pages)
    return pages
