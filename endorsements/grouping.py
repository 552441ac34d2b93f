"""Organisations backing or signing something (a campaign's backers, an open letter's co-signatories), grouped by
kind as the seed groups them: one function and one template (templates/endorsements/includes/backer_groups.html)
for every page that shows such a list.
"""

from django.db.models import Prefetch

from endorsements.kinds import OrganisationKind
from website.models import SiteImage

# The seed's grouping: MPs' groups, then unions, then left groups, then anyone else.
BACKER_GROUPS = [
    ("MPs' groups", {OrganisationKind.MPS_GROUP}),
    ("Trade unions", {OrganisationKind.TRADE_UNION, OrganisationKind.UNION_BRANCH}),
    ("Left groups", {OrganisationKind.LEFT_GROUP, OrganisationKind.CAMPAIGN_GROUP}),
]
OTHER_BACKERS = "Other organisations"

# The logos as the include draws them: modern formats with PNG (transparency) as the fallback; SVGs stay SVG.
LOGO_SIZES = ("240x120", "480x240")
LOGO_RENDITIONS = (
    *(f"format-{fmt}|max-{size}" for fmt in ("avif", "webp", "png") for size in LOGO_SIZES),
    *(f"max-{size}" for size in LOGO_SIZES),
)


def organisation_groups(links):
    """`links` (a queryset of an inline model with an `organisation` key, already narrowed to one page), as
    [(heading, [organisation, …]), …]: listed organisations only, in the editors' order, in three queries."""
    rows = (
        links.filter(organisation__listed=True)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("organisation__logo", queryset=SiteImage.objects.prefetch_renditions(*LOGO_RENDITIONS))
        )
        .order_by("sort_order", "pk")
    )
    grouped = {heading: [] for heading, _ in BACKER_GROUPS}
    grouped[OTHER_BACKERS] = []
    for row in rows:
        organisation = row.organisation
        heading = next((heading for heading, kinds in BACKER_GROUPS if organisation.kind in kinds), OTHER_BACKERS)
        if organisation not in grouped[heading]:
            grouped[heading].append(organisation)
    return [(heading, organisations) for heading, organisations in grouped.items() if organisations]
