"""The organisations a few years of use give the demo site: 300, one in four with a logo it lets us show."""

import datetime

from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend

from endorsements.demo import ORGANISATIONS as SEED_ORGANISATIONS
from endorsements.logos import logo_file
from endorsements.models import Organisation, OrganisationKind, Region
from endorsements.queries import logo_rendition_specs
from website.scale_demo import CAUSES, COLOURS, PLACES, UNIONS, pick

ORGANISATIONS = 300
LOGO_EVERY = 4
ORGANISATION_PATTERNS = [
    ("{union} {place} branch", OrganisationKind.UNION_BRANCH),
    ("{place} Labour Left", OrganisationKind.LEFT_GROUP),
    ("{place} Mutual Aid", OrganisationKind.MUTUAL_AID),
    ("{place} Tenants' Union", OrganisationKind.COMMUNITY_GROUP),
    ("{place} Trades Council", OrganisationKind.OTHER),
    ("{place} for {cause}", OrganisationKind.CAMPAIGN_GROUP),
]


def organisation_names(count):
    """`count` distinct made-up organisations, (name, kind), none of them the seed's, the same every run."""
    seed_names = {name for name, *_ in SEED_ORGANISATIONS}
    names = {}
    number = 0
    while len(names) < count:
        number += 1
        pattern, kind = pick(ORGANISATION_PATTERNS, number, 1)
        name = pattern.format(
            place=pick(PLACES, number, 2), union=pick(UNIONS, number, 3), cause=pick(CAUSES, number, 4)
        )
        if name not in seed_names:
            names.setdefault(name, kind)
    return list(names.items())


def add_organisations(count):
    existing = set(Organisation.objects.values_list("name", flat=True))
    missing = [(name, kind) for name, kind in organisation_names(count) if name not in existing]
    if not missing:
        return 0
    regions = [value for value in Region.values if value != Region.UK_WIDE]
    last = Organisation.objects.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
    organisations, logos = [], []
    for number, (name, kind) in enumerate(missing, 1):
        logo = None
        if number % LOGO_EVERY == 0:
            logo = get_image_model().objects.create(
                title=f"{name} logo", file=logo_file(name, COLOURS[number % len(COLOURS)], vector=number % 8 == 0)
            )
            logos.append(logo)
        organisations.append(
            Organisation(
                name=name,
                kind=kind,
                region=regions[number % len(regions)],
                website=f"https://{slugify(name)}.example.org/",
                logo=logo,
                show_logo=logo is not None,
                sort_order=last + number,
                date_endorsed=datetime.date(2021, 3, 1) + datetime.timedelta(days=number),
            )
        )
    Organisation.objects.bulk_create(organisations)
    get_search_backend().add_bulk(Organisation, Organisation.objects.filter(name__in=[o.name for o in organisations]))
    # The renditions the galleries show, made now as a visited site has them: rendering a hundred new logos in
    # AVIF, WebP and PNG takes longer than a single request may.
    specs = logo_rendition_specs()
    for logo in logos:
        is_svg = logo.file.name.endswith(".svg")
        logo.get_renditions(*[spec for spec in specs if ("format-" in spec) != is_svg])
    return len(organisations)


def scale(log, today):
    log(f"  organisations: {add_organisations(ORGANISATIONS)} added")
