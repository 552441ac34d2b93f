"""The listings of organisations, as methods of their queryset: `Organisation.objects.listed()` and the rest.

On the model's manager, so the page model and its blocks ask for them without importing a module that imports the
models back; endorsements/queries.py keeps the function names other apps use.
"""

from collections import Counter

from django.db import models
from django.db.models import Count, Prefetch
from wagtail.images import get_image_model

# The logo as templates/endorsements/includes/logo.html draws it: at most 160×80 CSS pixels, twice that for sharp
# screens, in modern formats with PNG (transparency) as the fallback. SVGs stay SVG.
LOGO_FORMATS = ("avif", "webp", "png")
LOGO_SIZES = ("160x80", "320x160")


def logo_rendition_specs():
    """Every rendition spec the logo template can ask for, raster and SVG alike."""
    raster = [f"format-{image_format}|max-{size}" for image_format in LOGO_FORMATS for size in LOGO_SIZES]
    svg = [f"max-{size}" for size in LOGO_SIZES]
    return [*raster, *svg]


class OrganisationQuerySet(models.QuerySet):
    def listed(self, kind=None, region=None):
        """Listed organisations in the editors' order, with logos and their renditions fetched in two more queries.

        `kind` and `region` (values of OrganisationKind and Region) narrow the list when given.
        """
        organisations = self.filter(listed=True)
        if kind:
            organisations = organisations.filter(kind=kind)
        if region:
            organisations = organisations.filter(region=region)
        logos = get_image_model().objects.prefetch_renditions(*logo_rendition_specs())
        return organisations.order_by("sort_order", "name").prefetch_related(Prefetch("logo", queryset=logos))

    def chosen(self, organisation_ids):
        """The listed organisations among `organisation_ids`, in the order given (a hand-picked gallery)."""
        by_id = {organisation.pk: organisation for organisation in self.listed().filter(pk__in=organisation_ids)}
        return [by_id[pk] for pk in organisation_ids if pk in by_id]

    def counts(self, kind=None, region=None):
        """How many listed organisations there are of each kind and in each region, in one query.

        "kind" counts those in the chosen `region` and "region" those of the chosen `kind`, so each count says what
        its filter link would show with the other filter kept; "all_kinds" and "all_regions" count every listed
        organisation.
        """
        rows = self.filter(listed=True).order_by().values("kind", "region").annotate(count=Count("pk"))
        counts = {"kind": Counter(), "region": Counter(), "all_kinds": Counter(), "all_regions": Counter()}
        for row in rows:
            counts["all_kinds"][row["kind"]] += row["count"]
            counts["all_regions"][row["region"]] += row["count"]
            if region in (None, row["region"]):
                counts["kind"][row["kind"]] += row["count"]
            if kind in (None, row["kind"]):
                counts["region"][row["region"]] += row["count"]
        return counts
