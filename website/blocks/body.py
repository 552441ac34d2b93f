from wagtail import blocks

from .call_to_action import CallToActionBlock
from .image import ImageBlock
from .quote import QuoteBlock
from .rich_text import RichTextBlock
from .video import VideoBlock


class BodyBlock(blocks.StreamBlock):
    """What every page's body offers. A page type that needs more subclasses it and adds its own after these."""

    text = RichTextBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
