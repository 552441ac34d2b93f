import re

from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.actions import campaign_actions
from campaigns.querysets import CampaignPageManager, CampaignStatus
from endorsements.grouping import organisation_groups
from news.queries import news_for_campaign
from website.blocks import BodyBlock
from website.models import BasePage

CAMPAIGNS_PER_PAGE = 12
# Topic filters are tag slugs; anything else (such as a NUL byte PostgreSQL refuses) is ignored.
TOPIC_SLUG = re.compile(r"[-\w]{1,100}")


class CampaignIndexPage(BasePage):
    """'Latest campaigns': every campaign, active ones first, filterable by status and topic."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence or two above the list of campaigns.")

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    page_description = "The list of all campaigns. There is only one; campaigns go under it."

    class Meta:
        verbose_name = "campaign index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status", "")
        status = status if status in CampaignStatus.values else ""
        topic = request.GET.get("topic", "")
        topic = topic if TOPIC_SLUG.fullmatch(topic) else ""
        campaigns = CampaignPage.objects.listing(status=status, topic=topic)
        context.update(
            campaigns=Paginator(campaigns, CAMPAIGNS_PER_PAGE).get_page(request.GET.get("page")),
            statuses=CampaignStatus.choices,
            topics=CampaignPage.objects.topics_in_use(),
            current_status=status,
            current_topic=topic,
        )
        return context


class CampaignTopic(TaggedItemBase):
    content_object = ParentalKey("campaigns.CampaignPage", on_delete=models.CASCADE, related_name="topic_items")


class CampaignPage(BasePage):
    """One campaign: what it demands, who backs it, and the events where people can join in."""

    hero_image = models.ForeignKey(
        "website.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The wide picture at the top of the page; set its focal point so phones crop it well.",
    )
    hashtag = models.CharField(
        max_length=100,
        blank=True,
        validators=[RegexValidator(r"^#?\w+$", "A hashtag is one word of letters, digits and underscores.")],
        help_text="The campaign's hashtag, such as ReclaimDemocracyRecallConference. The # is optional.",
    )
    status = models.CharField(
        max_length=16,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
        help_text="Active campaigns are listed first; mark it won or closed when it ends.",
    )
    topics = ClusterTaggableManager(
        through=CampaignTopic,
        blank=True,
        help_text="A few topics, such as 'democracy' or 'NHS'. Visitors filter the campaign list by them.",
    )
    demands = StreamField(
        [("demand", blocks.CharBlock(max_length=300, help_text="One demand, in a sentence."))],
        blank=True,
        help_text="What the campaign demands, one per line, in order.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="The campaign's story, top to bottom.")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("listing_summary", heading="Summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel("hashtag"), FieldPanel("status"), FieldPanel("topics")], heading="Campaign"),
        FieldPanel("demands"),
        FieldPanel("body"),
        InlinePanel("backers", heading="Backers", label="Backer", help_text="Organisations backing it, in order."),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_image")], heading="Listings and sharing"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("hashtag"),
        index.SearchField("demands"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    # The listings: CampaignPage.objects.listing(), .latest(), .topics_in_use() (campaigns/querysets.py).
    objects = CampaignPageManager()

    parent_page_types = ["campaigns.CampaignIndexPage"]
    # Its petitions and open letters go under it, and so through the campaigns' approval workflow.
    subpage_types = ["petitions.PetitionPage", "letters.OpenLetterPage"]
    page_description = "A campaign: its demands, its story, the organisations backing it and its events."

    class Meta:
        verbose_name = "campaign"

    def clean(self):
        super().clean()
        self.hashtag = self.hashtag.strip().lstrip("#")

    @property
    def hashtag_text(self):
        return f"#{self.hashtag.lstrip('#')}" if self.hashtag else ""

    @property
    def card_image(self):
        return self.listing_image or self.hero_image

    def get_share_image(self):
        return self.listing_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = list(self.events.upcoming())
        actions = campaign_actions(request, self, next_event=events[0] if events else None)
        context.update(
            backer_groups=organisation_groups(self.backers),
            upcoming_events=events,
            related_news=news_for_campaign(self),
            actions=actions,
            primary_action=actions[0] if actions else None,
        )
        return context


class CampaignBacker(Orderable):
    """An organisation backing a campaign, in the order editors put them."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="backers")
    organisation = models.ForeignKey(
        "endorsements.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose from the organisations; add a missing one under Organisations first.",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = "backer"
        # Rows made in code (the demo, imports) may carry no position: creation order breaks the tie.
        ordering = ["sort_order", "pk"]
