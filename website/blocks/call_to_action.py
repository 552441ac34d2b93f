from wagtail import blocks

from website.blocks.required import NamedRequiredMixin
from website.fragment_cache import CachedBlockMixin

from .link import LinkBlock


class CallToActionBlock(NamedRequiredMixin, CachedBlockMixin, blocks.StructBlock):
    """A boxed invitation to act, such as "Signup and get organised"."""

    heading = blocks.CharBlock(max_length=120, help_text="What you are asking people to do.")
    text = blocks.TextBlock(required=False, max_length=400, help_text="One or two sentences on why.")
    link = LinkBlock(help_text="Where the button goes.")

    class Meta:
        icon = "success"
        template = "blocks/call_to_action.html"
        label = "Call to action"
