from wagtail import blocks

from campaigns.blocks import LatestCampaignsBlock, NextEventsBlock
from endorsements.blocks import OrganisationGalleryBlock
from news.blocks import LatestNewsBlock
from petitions.blocks import PetitionBlock
from social.blocks import SocialFeedBlock
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
    latest_campaigns = LatestCampaignsBlock()
    latest_news = LatestNewsBlock()
    next_events = NextEventsBlock()
    social_feed = SocialFeedBlock()
    video = VideoBlock()
    livestream = LivestreamBlock()
    petition = PetitionBlock()
