from wagtail import blocks

from website.blocks.required import NamedRequiredMixin
from website.fragment_cache import CachedBlockMixin


class QuoteBlock(NamedRequiredMixin, CachedBlockMixin, blocks.StructBlock):
    """Words someone said, with who said them."""

    quote = blocks.TextBlock(max_length=1500, help_text="The words, without quotation marks.")
    name = blocks.CharBlock(required=False, max_length=120, help_text="Who said it.")
    role = blocks.CharBlock(required=False, max_length=160, help_text="Their role, such as 'MP for Salford'.")
    handle = blocks.CharBlock(
        required=False, max_length=80, help_text="Their social media handle, such as @johnmcdonnellMP."
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
