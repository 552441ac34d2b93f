import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from news.blocks import NewsPageBodyBlock
from news.querysets import NewsPageManager
from website.models import BasePage
from website.page_views import route_view

NEWS_PER_PAGE = 6


class NewsKind(models.TextChoices):
    NEWS = "news", "News"
    PRESS_RELEASE = "press-release", "Press release"
    STATEMENT = "statement", "Statement"
    RESPONSE = "response", "Response"


# How a filter or a feed names a whole kind.
KIND_PLURALS = {
    NewsKind.NEWS.value: "News",
    NewsKind.PRESS_RELEASE.value: "Press releases",
    NewsKind.STATEMENT.value: "Statements",
    NewsKind.RESPONSE.value: "Responses",
}
# The feed formats an index serves (news/feeds.py's FEED_TYPES, which imports this module).
FEED_FORMATS = ("rss", "atom")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """What's new: every news item, newest first, filtered by kind or topic, with feeds of each."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two above the list, such as where journalists send press enquiries.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    page_description = "The 'What's new' page listing all news, statements and press releases. There is only one."

    class Meta:
        verbose_name = "news index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        kind = kind if kind in KIND_PLURALS else ""
        topic_slug = request.GET.get("topic", "")[:100]
        topic = Tag.objects.filter(slug=topic_slug).first() if topic_slug else None
        unknown_topic = bool(topic_slug) and topic is None
        items = NewsPage.objects.none() if unknown_topic else NewsPage.objects.listing(kind=kind, topic=topic)
        context.update(
            kind=kind,
            kind_label=KIND_PLURALS.get(kind, ""),
            topic=topic,
            unknown_topic=unknown_topic,
            kind_filters=[
                {"label": label, "url": self.filter_url(value, topic), "current": value == kind}
                for value, label in [("", "All"), *KIND_PLURALS.items()]
            ],
            topic_filters=[
                {"label": tag.name, "url": self.filter_url(kind, tag), "current": tag == topic}
                for tag in NewsPage.objects.topics_in_use()
            ],
            all_topics_url=self.filter_url(kind, None),
            feeds=self.feeds(kind, topic),
            news_items=Paginator(items, NEWS_PER_PAGE).get_page(request.GET.get("page")),
        )
        return context

    def get_cached_paths(self):
        """What a caching proxy forgets when this index, or a news item under it, is published: the listing and
        every feed (all news, each kind, each topic a published item has)."""
        topics = Tag.objects.filter(news_newspagetag_items__content_object__live=True).distinct()
        paths = ["/"]
        for feed_format in FEED_FORMATS:
            paths.append(self.reverse_subpage("feed", kwargs={"feed_format": feed_format}))
            for kind in KIND_PLURALS:
                paths.append(self.reverse_subpage("kind_feed", kwargs={"kind": kind, "feed_format": feed_format}))
            for slug in topics.values_list("slug", flat=True):
                paths.append(self.reverse_subpage("topic_feed", kwargs={"topic": slug, "feed_format": feed_format}))
        return paths

    @staticmethod
    def filter_url(kind, topic):
        """A plain link to the listing with this kind and topic: the filters work without JavaScript."""
        parts = [f"kind={kind}" if kind else "", f"topic={topic.slug}" if topic else ""]
        return "?" + "&".join(part for part in parts if part)

    def feed_url(self, feed_format, kind="", topic=None):
        if kind:
            path = self.reverse_subpage("kind_feed", kwargs={"kind": kind, "feed_format": feed_format})
        elif topic:
            path = self.reverse_subpage("topic_feed", kwargs={"topic": topic.slug, "feed_format": feed_format})
        else:
            path = self.reverse_subpage("feed", kwargs={"feed_format": feed_format})
        return self.url + path

    def feeds(self, kind="", topic=None):
        """The feeds a visitor may follow from here: all news, and the kind or topic they chose."""
        chosen = [("All news", "", None)]
        if kind:
            chosen.append((KIND_PLURALS[kind], kind, None))
        if topic:
            chosen.append((f"Topic: {topic.name}", "", topic))
        return [
            {"title": title, "rss": self.feed_url("rss", *selection), "atom": self.feed_url("atom", *selection)}
            for title, *selection in chosen
        ]

    @staticmethod
    def feed_topic(kind, topic):
        """The tag a feed's address names (None for none), or a 404 for a kind or topic there is no feed of."""
        if kind and kind not in KIND_PLURALS:
            raise Http404("There is no such feed.")
        if topic is None:
            return None
        tag = Tag.objects.filter(slug=topic).first()
        if tag is None:
            raise Http404("There is no such topic.")
        return tag

    @path("feed/", name="default_feed")
    @path("kind/<str:kind>/feed/", name="default_kind_feed")
    @path("topic/<str:topic>/feed/", name="default_topic_feed")
    def default_feed(self, request, kind="", topic=None):
        """The bare address of a feed, which people type or guess, leads to its RSS feed (readers follow redirects)."""
        return redirect(self.feed_url("rss", kind, self.feed_topic(kind, topic)), permanent=True)

    @path("feed/<str:feed_format>/", name="feed")
    @path("kind/<str:kind>/feed/<str:feed_format>/", name="kind_feed")
    @path("topic/<str:topic>/feed/<str:feed_format>/", name="topic_feed")
    def feed(self, request, feed_format, kind="", topic=None):
        return route_view("news.feed")(request, self, feed_format, kind=kind, topic=self.feed_topic(kind, topic))


class NewsPage(BasePage):
    """One news item, press release, statement or rapid response."""

    kind = models.CharField(
        max_length=20,
        choices=NewsKind.choices,
        default=NewsKind.NEWS,
        help_text="What sort of item this is. Visitors can list each sort on its own and follow it in a feed.",
    )
    date = models.DateField(
        default=timezone.localdate,
        help_text=(
            "The date shown on the item, such as the day the statement was made. It orders the list. "
            "To publish later, choose 'Set schedule' in the status panel (the 'i' at the top right)."
        ),
    )
    body = StreamField(NewsPageBodyBlock(), blank=True, help_text="The item's text, quotes, pictures and videos.")
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name="topics",
        help_text="Topics, such as Budget2021 or ReclaimDemocracy. Visitors can list and follow each topic.",
    )
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        help_text="The campaign this item is about, if any. It is listed on that campaign's page.",
    )
    press_contact_name = models.CharField(
        max_length=120, blank=True, help_text="Who journalists should speak to about this press release."
    )
    press_contact_email = models.EmailField(blank=True, help_text="Their e-mail address for press enquiries.")
    press_contact_phone = models.CharField(
        max_length=40, blank=True, help_text="Their phone number for press enquiries, such as 020 7946 0000."
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("date")], heading="About this item"),
        FieldPanel("listing_summary", heading="Summary"),
        FieldPanel("listing_image", heading="Picture"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("related_campaign"),
        MultiFieldPanel(
            [FieldPanel("press_contact_name"), FieldPanel("press_contact_email"), FieldPanel("press_contact_phone")],
            heading="Press contact (press releases only)",
        ),
    ]
    # The summary and picture are edited with the content; the promote tab keeps Wagtail's own fields.
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    # The listings: NewsPage.objects.listing(), .feed_items(), .topics_in_use() (news/querysets.py).
    objects = NewsPageManager()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = "A news item, press release, statement or rapid response, with its date and topics."

    class Meta:
        verbose_name = "news item"

    @property
    def search_result_date(self):
        return self.date

    @property
    def published_at(self):
        """The editor's date as a moment: the time it went live if that was on the day, else 9am UK time."""
        went_live = self.first_published_at and timezone.localtime(self.first_published_at)
        if went_live and went_live.date() == self.date:
            return went_live
        return datetime.datetime.combine(self.date, datetime.time(9), tzinfo=timezone.get_current_timezone())

    @property
    def is_press_release(self):
        return self.kind == NewsKind.PRESS_RELEASE

    @property
    def shows_press_contact(self):
        return self.is_press_release and any(
            (self.press_contact_name, self.press_contact_email, self.press_contact_phone)
        )

    def clean(self):
        super().clean()
        if self.is_press_release and not (self.press_contact_email or self.press_contact_phone):
            raise ValidationError(
                {"press_contact_email": "A press release needs a press contact: an e-mail address or a phone number."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = list(self.tags.all())
        context["index"] = index = self.get_parent().specific
        context["feeds"] = index.feeds(kind=self.kind)
        return context
