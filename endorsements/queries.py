"""The listings of organisations other apps and templates use: one query function per listing."""

from collections import Counter

from django.db.models import Count, Prefetch
from wagtail.images import get_image_model

from endorsements.models import EndorsementsPage, Organisation

# The logo as templates/endorsements/includes/logo.html draws it: at most 160×80 CSS pixels, twice that for sharp
# screens, in modern formats with PNG (transparency) as the fallback. SVGs stay SVG.
LOGO_FORMATS = ("avif", "webp", "png")
LOGO_SIZES = ("160x80", "320x160")


def logo_rendition_specs():
    """Every rendition spec the logo template can ask for, raster and SVG alike."""
    raster = [f"format-{image_format}|max-{size}" for image_format in LOGO_FORMATS for size in LOGO_SIZES]
    svg = [f"max-{size}" for size in LOGO_SIZES]
    return [*raster, *svg]


def listed_organisations(kind=None, region=None):
    """Listed organisations in the editors' order, with logos and their renditions fetched in two more queries.

    `kind` and `region` (values of OrganisationKind and Region) narrow the list when given.
    """
    organisations = Organisation.objects.filter(listed=True)
    if kind:
        organisations = organisations.filter(kind=kind)
    if region:
        organisations = organisations.filter(region=region)
    logos = get_image_model().objects.prefetch_renditions(*logo_rendition_specs())
    return organisations.order_by("sort_order", "name").prefetch_related(Prefetch("logo", queryset=logos))


def chosen_organisations(organisation_ids):
    """The listed organisations among `organisation_ids`, in the order given (a hand-picked gallery)."""
    by_id = {organisation.pk: organisation for organisation in listed_organisations().filter(pk__in=organisation_ids)}
    return [by_id[pk] for pk in organisation_ids if pk in by_id]


def organisation_counts(kind=None, region=None):
    """How many listed organisations there are of each kind and in each region, in one query.

    "kind" counts those in the chosen `region` and "region" those of the chosen `kind`, so each count says what its
    filter link would show with the other filter kept; "all_kinds" and "all_regions" count every listed organisation.
    """
    rows = Organisation.objects.filter(listed=True).order_by().values("kind", "region").annotate(count=Count("pk"))
    counts = {"kind": Counter(), "region": Counter(), "all_kinds": Counter(), "all_regions": Counter()}
    for row in rows:
        counts["all_kinds"][row["kind"]] += row["count"]
        counts["all_regions"][row["region"]] += row["count"]
        if region in (None, row["region"]):
            counts["kind"][row["kind"]] += row["count"]
        if kind in (None, row["kind"]):
            counts["region"][row["region"]] += row["count"]
    return counts


def endorsements_page():
    """The live endorsements page, for links from galleries elsewhere; None until an editor publishes one."""
    return EndorsementsPage.objects.live().public().defer_streamfields().first()


def ask_to_endorse_url(campaign=None):
    """Where the form is, with `campaign` chosen: for campaign pages' "back this campaign" links."""
    page = endorsements_page()
    if page is None:
        return None
    url = page.url + page.reverse_subpage("ask")
    return f"{url}?campaign={campaign.pk}" if campaign is not None else url
