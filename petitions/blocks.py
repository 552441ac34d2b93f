"""The home page's petition section: a petition's ask, its live count and a link to sign."""

from django.utils import timezone
from wagtail import blocks

from petitions.freshness import shows_live_count
from petitions.queries import confirmed_count, featured_petition
from website.fragment_cache import CachedBlockMixin, cached_value


class PetitionBlock(CachedBlockMixin, blocks.StructBlock):
    """Kept as a fragment (website/fragment_cache.py) under the petition it shows and that petition's count, so that
    the home page reads one counter row for it rather than the petition and its chosen page on every view."""

    heading = blocks.CharBlock(max_length=80, default="Sign the petition", help_text="The section's heading.")
    petition = blocks.PageChooserBlock(
        page_type="petitions.PetitionPage",
        required=False,
        help_text="The petition to show. Leave empty to show the newest open petition.",
    )

    class Meta:
        icon = "doc-full"
        label = "Petition"
        template = "petitions/blocks/petition.html"

    def live_parts(self, request, raw_value):
        # Which petition shows changes only with content; its count with every confirmed signature.
        chosen = raw_value.get("petition")
        shown = cached_value(request, ["featured-petition", chosen or ""], lambda: featured_petition_id(chosen))
        # The page shows a count, whether its HTML comes from the fragment cache or not: kept briefly.
        shows_live_count(request)
        # Whether it may still be signed turns on today's date (its closing day), which no edit announces.
        return [shown, confirmed_count(shown) if shown else 0, timezone.localdate().isoformat()]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The raw id, so the chosen page is read once, with its count.
        chosen = value.get("petition")
        context["petition"] = featured_petition(chosen.pk if chosen else None)
        return context


def featured_petition_id(chosen_id):
    petition = featured_petition(chosen_id)
    return petition.pk if petition else None
