from wagtail import blocks

from website.blocks import (
    CallToActionBlock,
    HeroBlock,
    ImageBlock,
    LivestreamBlock,
    QuoteBlock,
    RichTextBlock,
    VideoBlock,
)


class HomePageBodyBlock(blocks.StreamBlock):
    """The sections an editor can stack on the home page."""

    hero = HeroBlock()
    text = RichTextBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    livestream = LivestreamBlock()
