"""Factories for the page types and snippets, shared by every app's tests."""

import factory
import wagtail_factories
from django.utils.text import slugify

from endorsements.models import Organisation, OrganisationKind
from home.models import HomePage
from website.models import SiteImage, StandardPage
from website.scale_demo import add_live_pages


def add_pages(parent, pages):
    """Adds unsaved `pages` (one page type, as `SomePageFactory.build()` makes them) as live children of `parent`
    in a few queries, rather than some 25 each: for tests that need hundreds. They are whole pages in a sound tree,
    indexed for search, without revisions (as a factory's pages). `parent` learns its new child count, so pages
    made one by one under it afterwards still find their place."""
    added = add_live_pages(parent, list(pages))
    parent.refresh_from_db(fields=["numchild"])
    return added


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = SiteImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    listing_summary = "A plain page."

    class Meta:
        model = StandardPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.TRADE_UNION
    website = factory.LazyAttribute(lambda organisation: f"https://{slugify(organisation.name)}.example.org/")

    class Meta:
        model = Organisation
