from wagtail import blocks

from endorsements.blocks import OrganisationGalleryBlock
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
    endorsements = OrganisationGalleryBlock()
    video = VideoBlock()
    livestream = LivestreamBlock()
