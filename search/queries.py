"""One search across the site's page types and the supporting organisations.

Pages are searched together, so the backend ranks them against each other (titles weigh more than body text);
a kind filter narrows them to one page type. Organisations are snippets, not pages: they are searched apart and
shown beside the pages, or alone when a visitor filters by them.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import NotSupportedError, connection
from modelsearch.query import Fuzzy
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

# Long enough for any real question; longer input is cut rather than refused.
MAX_QUERY_LENGTH = 200
# modelsearch's SQLite backend wraps each term in double quotes without escaping the ones inside, so a stray
# quote is a syntax error there.
UNSEARCHABLE = str.maketrans({'"': " "})


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    model_label: str

    @property
    def model(self):
        try:
            return apps.get_model(self.model_label)
        except LookupError:
            return None


ORGANISATIONS = Kind("organisations", "Organisations", "endorsements.Organisation")
PAGE_KINDS = [
    Kind("campaigns", "Campaigns", "campaigns.CampaignPage"),
    Kind("events", "Events", "campaigns.EventPage"),
    Kind("news", "News", "news.NewsPage"),
]
KINDS = {kind.slug: kind for kind in [*PAGE_KINDS, ORGANISATIONS] if kind.model is not None}


def clean_query(raw):
    """What the visitor asked, cut to length, and the terms the backend may safely be given.

    Control characters go first: they mean nothing in a search, and PostgreSQL refuses NUL in the stored query.
    """
    printable = "".join(character if character.isprintable() else " " for character in raw)
    query = " ".join(printable.split())[:MAX_QUERY_LENGTH]
    return query, " ".join(query.translate(UNSEARCHABLE).split())


def record_query(query):
    """Counts the query for the admin's "Search terms" report and returns it, with the editors' promotions."""
    search_query = Query.get(query)
    search_query.add_hit()
    return search_query


def promoted_pages(search_query):
    """The live, public pages editors promoted for this query (Wagtail's search promotions), in their order."""
    page_ids = list(search_query.editors_picks.order_by("sort_order").values_list("page_id", flat=True))
    pages = Page.objects.live().public().filter(pk__in=page_ids).specific().in_bulk()
    return [pages[page_id] for page_id in page_ids if page_id in pages]


def search_pages(terms, kind=None):
    """Live, public pages best matching `terms`, optionally of one kind.

    On PostgreSQL, when the words match nothing as typed, a trigram search tolerates typos ("campain");
    `fuzzy` on the result says so, so the page can tell the visitor.
    """
    pages = Page.objects.live().public().exclude(depth__lte=1).specific()
    if kind is not None:
        pages = pages.type(kind.model)
    results = pages.search(terms)
    fuzzy = False
    if connection.vendor == "postgresql" and not results.count():
        try:
            fuzzy_results = pages.search(Fuzzy(terms))
            if fuzzy_results.count():
                results, fuzzy = fuzzy_results, True
        except NotSupportedError:
            # pg_trgm missing (search/migrations installs it where it may): plain search stands.
            pass
    return results, fuzzy


def search_organisations(terms):
    """Listed organisations whose name matches `terms`."""
    return get_search_backend().search(terms, ORGANISATIONS.model.objects.filter(listed=True))
