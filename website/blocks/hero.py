from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from website.blocks.required import NamedRequiredMixin
from website.fragment_cache import CachedBlockMixin

from .link import LinkBlock


class HeroBlock(NamedRequiredMixin, CachedBlockMixin, blocks.StructBlock):
    """The opening statement of a page: a big heading, a few paragraphs and one action."""

    heading = blocks.CharBlock(max_length=120, help_text="The headline, such as the network's purpose.")
    statement = blocks.RichTextBlock(
        features=["bold", "italic", "link"], help_text="A few short paragraphs that say what this is about."
    )
    image = ImageChooserBlock(required=False, help_text="Optional background picture; set its focal point.")
    action = LinkBlock(required=False, help_text="Optional button under the statement.")

    class Meta:
        icon = "pick"
        template = "blocks/hero.html"
