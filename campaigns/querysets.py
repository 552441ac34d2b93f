"""The listings of campaigns and events as methods of their querysets: `CampaignPage.objects.listing()` and the rest.

Each a fixed number of SQL queries however long the list. On the models' managers, so the pages ask for them without
importing a module that imports the models back; campaigns/queries.py keeps the function names blocks use.
"""

from django.db import models
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from website.models import SiteImage


class CampaignStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    WON = "won", "Won"
    CLOSED = "closed", "Closed"


# What the templates ask for, so each listing fetches its renditions in one query.
CARD_RENDITIONS = tuple(
    f"format-{fmt}|fill-{size}" for fmt in ("avif", "webp", "jpeg") for size in ("400x225", "800x450")
)
# A speaker's portrait on the event page: square, for the line-up.
SPEAKER_RENDITIONS = tuple(
    f"format-{fmt}|fill-{size}" for fmt in ("avif", "webp", "jpeg") for size in ("160x160", "320x320")
)

STATUS_ORDER = Case(
    When(status=CampaignStatus.ACTIVE, then=Value(0)),
    When(status=CampaignStatus.WON, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def card_images(field):
    return Prefetch(field, queryset=SiteImage.objects.prefetch_renditions(*CARD_RENDITIONS))


class CampaignPageQuerySet(PageQuerySet):
    def with_cards(self):
        return (
            self.live()
            .public()
            .defer_streamfields()
            .prefetch_related(card_images("listing_image"), card_images("hero_image"), "topics")
        )

    def listing(self, status="", topic=""):
        """Active campaigns first, then won, then closed; newest first within each."""
        campaigns = self.with_cards()
        if status:
            campaigns = campaigns.filter(status=status)
        if topic:
            campaigns = campaigns.filter(topics__slug=topic)
        return campaigns.annotate(status_order=STATUS_ORDER).order_by("status_order", "-first_published_at", "-pk")

    def topics_in_use(self):
        """Topics that at least one live campaign has, for the filter links."""
        live_ids = self.live().public().values("pk")
        return (
            Tag.objects.filter(campaigns_campaigntopic_items__content_object__in=live_ids).distinct().order_by("name")
        )

    def latest(self, count, chosen_ids=()):
        """The campaigns editors chose, in their order; or else the newest active ones."""
        if chosen_ids:
            by_id = self.with_cards().in_bulk(chosen_ids)
            return [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
        return list(self.listing(status=CampaignStatus.ACTIVE)[:count])


class EventPageQuerySet(PageQuerySet):
    def with_cards(self):
        """Events with what their cards show: the campaign, picture and line-up, in a fixed number of queries."""
        return (
            self.live()
            .public()
            .select_related("campaign")
            .defer("campaign__body", "campaign__demands")
            .prefetch_related(card_images("listing_image"), card_images("hero_image"), "speakers")
        )

    def upcoming(self, count=None):
        """Events not yet over, soonest first (a list of `count` when given)."""
        events = self.with_cards().filter(end__gt=timezone.now()).order_by("start", "pk")
        return list(events[:count]) if count else events

    def past(self):
        """Events that are over, most recent first."""
        return self.with_cards().filter(end__lte=timezone.now()).order_by("-start", "-pk")

    def next(self, count, chosen_ids=()):
        """The events editors chose (those still to come), in their order; or else the soonest ones."""
        if chosen_ids:
            by_id = self.with_cards().filter(end__gt=timezone.now()).in_bulk(chosen_ids)
            return [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
        return self.upcoming(count=count)


CampaignPageManager = PageManager.from_queryset(CampaignPageQuerySet)
EventPageManager = PageManager.from_queryset(EventPageQuerySet)


def line_up(speakers):
    """An event's speakers (its `speakers` relation) in billing order, with their portraits: two queries."""
    photos = SiteImage.objects.prefetch_renditions(*SPEAKER_RENDITIONS)
    return list(speakers.order_by("sort_order", "pk").prefetch_related(Prefetch("photo", queryset=photos)))
