"""The home page's petition section: a petition's ask, its live count and a link to sign."""

from wagtail import blocks

from petitions.queries import featured_petition


class PetitionBlock(blocks.StructBlock):
    """Never kept as a fragment (website/cache.py's CachedBlockMixin): the count moves; reading it is one row."""

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

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The raw id, so the chosen page is read once, with its count.
        chosen = value.get("petition")
        context["petition"] = featured_petition(chosen.pk if chosen else None)
        return context
