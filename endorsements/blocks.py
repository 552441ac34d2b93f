"""A wall of organisations' logos for any page's body: all of them, one kind, or a hand-picked set."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from endorsements.models import OrganisationKind
from endorsements.queries import chosen_organisations, endorsements_page, listed_organisations
from website.fragment_cache import CachedBlockMixin

ALL, ONE_KIND, CHOSEN = "all", "kind", "chosen"


# The same wall wherever it appears, until an organisation or a page changes: kept as HTML.
class OrganisationGalleryBlock(CachedBlockMixin, blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, max_length=120, help_text="A heading above the logos, e.g. 'Supported by'. Optional."
    )
    show = blocks.ChoiceBlock(
        choices=[
            (ALL, "Every listed organisation"),
            (ONE_KIND, "One kind of organisation"),
            (CHOSEN, "The ones I pick"),
        ],
        default=ALL,
        help_text="Which organisations the gallery shows. Hidden (unlisted) ones never appear.",
    )
    kind = blocks.ChoiceBlock(
        choices=OrganisationKind.choices, required=False, help_text="The kind to show, when showing one kind."
    )
    organisations = blocks.ListBlock(
        SnippetChooserBlock("endorsements.Organisation"),
        default=[],
        help_text="The organisations to show, in this order, when picking them.",
    )
    show_link = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text="Add links to the full list of organisations and to the form for asking to endorse.",
    )

    class Meta:
        icon = "group"
        label = "Organisations' logos"
        template = "endorsements/blocks/organisation_gallery.html"

    def clean(self, value):
        value = super().clean(value)
        if value["show"] == ONE_KIND and not value["kind"]:
            raise StructBlockValidationError({"kind": ValidationError("Choose the kind of organisation to show.")})
        if value["show"] == CHOSEN and not [organisation for organisation in value["organisations"] if organisation]:
            raise StructBlockValidationError(
                {"organisations": ValidationError("Pick at least one organisation, or show every one.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value["show"] == CHOSEN:
            organisations = chosen_organisations(
                [organisation.pk for organisation in value["organisations"] if organisation]
            )
        else:
            organisations = list(listed_organisations(kind=value["kind"] if value["show"] == ONE_KIND else None))
        context["organisations"] = organisations
        context["endorsements_page"] = endorsements_page() if value["show_link"] else None
        return context
