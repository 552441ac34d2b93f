"""Organisations with logos, endorsement pages and requests for the endorsements tests."""

import factory

from endorsements.logos import logo_file
from endorsements.models import EndorsementRequest, EndorsementsPage, OrganisationKind, Region
from tests.factories import ImageFactory, OrganisationFactory


def png_logo_image(name="Test union"):
    return ImageFactory(title=f"{name} logo", file=logo_file(name, "#b0001e"))


def svg_logo_image(name="Vector union"):
    return ImageFactory(title=f"{name} logo", file=logo_file(name, "#1f4e79", vector=True))


class OrganisationWithLogoFactory(OrganisationFactory):
    logo = factory.LazyAttribute(lambda organisation: png_logo_image(organisation.name))
    show_logo = True


def endorsements_page(home_page, **fields):
    fields = {"title": "Supporting organisations", "slug": "endorsements", **fields}
    page = home_page.add_child(instance=EndorsementsPage(**fields))
    page.save_revision().publish()
    return page


class EndorsementRequestFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Requesting branch {n}")
    kind = OrganisationKind.UNION_BRANCH
    region = Region.LONDON
    website = "https://branch.example.org/"
    contact_name = "Sam Secretary"
    contact_email = "secretary@branch.example.org"
    statement = "We back the network."
    consent_logo = True
    consent_contact = True

    class Meta:
        model = EndorsementRequest
