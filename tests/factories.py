"""Factories for the page types and snippets, shared by every app's tests."""

import factory
import wagtail_factories
from django.utils.text import slugify

from endorsements.models import Organisation, OrganisationKind
from home.models import HomePage
from website.models import SiteImage, StandardPage


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
