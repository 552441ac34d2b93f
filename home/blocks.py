from wagtail import blocks

from campaigns.blocks import LatestCampaignsBlock, NextEventsBlock
from endorsements.blocks import OrganisationGalleryBlock
from home.livestream_notice import LivestreamNotice
from news.sections import LatestNewsBlock
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


class HomeLivestreamBlock(LivestreamBlock):
    """The home page's livestream: its notice for viewers is the "Livestream notice" setting (home.models), which
    press officers may change without the right to edit the home page."""

    notice = None

    class Meta:
        label = "Livestream"
        description = (
            "A scheduled stream: its start time before, the player during, the recording after. Its notice for "
            "viewers is under Settings → Livestream notice."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["notice"] = LivestreamNotice.for_request(request).notice if request else ""
        return context


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
    livestream = HomeLivestreamBlock()
    petition = PetitionBlock()
