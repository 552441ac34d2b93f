"""One query per listing of campaigns and events, each a fixed number of SQL queries however long the list."""

from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.utils import timezone
from taggit.models import Tag

from campaigns.models import CampaignBacker, CampaignPage, CampaignStatus, EventPage
from endorsements.grouping import organisation_groups
from website.models import SiteImage

# What the templates ask for, so each listing fetches its renditions in one query.
CARD_RENDITIONS = tuple(
    f"format-{fmt}|fill-{size}" for fmt in ("avif", "webp", "jpeg") for size in ("400x225", "800x450")
)

STATUS_ORDER = Case(
    When(status=CampaignStatus.ACTIVE, then=Value(0)),
    When(status=CampaignStatus.WON, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def card_images(field):
    return Prefetch(field, queryset=SiteImage.objects.prefetch_renditions(*CARD_RENDITIONS))


def live_campaigns():
    return (
        CampaignPage.objects.live()
        .public()
        .defer_streamfields()
        .prefetch_related(card_images("listing_image"), card_images("hero_image"), "topics")
    )


def campaign_listing(status="", topic=""):
    """Active campaigns first, then won, then closed; newest first within each."""
    campaigns = live_campaigns()
    if status:
        campaigns = campaigns.filter(status=status)
    if topic:
        campaigns = campaigns.filter(topics__slug=topic)
    return campaigns.annotate(status_order=STATUS_ORDER).order_by("status_order", "-first_published_at", "-pk")


def campaign_topics():
    """Topics that at least one live campaign has, for the filter links."""
    live_ids = CampaignPage.objects.live().public().values("pk")
    return Tag.objects.filter(campaigns_campaigntopic_items__content_object__in=live_ids).distinct().order_by("name")


def latest_campaigns(count, chosen_ids=()):
    """The campaigns editors chose, in their order; or else the newest active ones."""
    if chosen_ids:
        by_id = live_campaigns().in_bulk(chosen_ids)
        return [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
    return list(campaign_listing(status=CampaignStatus.ACTIVE)[:count])


def backer_groups(campaign):
    """The campaign's listed backers in editors' order, grouped by kind: [(heading, [organisation, …]), …]."""
    return organisation_groups(CampaignBacker.objects.filter(page=campaign))


# A speaker's portrait on the event page: square, for the line-up.
SPEAKER_RENDITIONS = tuple(
    f"format-{fmt}|fill-{size}" for fmt in ("avif", "webp", "jpeg") for size in ("160x160", "320x320")
)


def live_events():
    """Events with what their cards show: the campaign, the picture and the line-up, in a fixed number of queries."""
    return (
        EventPage.objects.live()
        .public()
        .select_related("campaign")
        .defer("campaign__body", "campaign__demands")
        .prefetch_related(card_images("listing_image"), card_images("hero_image"), "speakers")
    )


def line_up(event):
    """The event's speakers in billing order, with their portraits' renditions: two queries however many."""
    photos = SiteImage.objects.prefetch_renditions(*SPEAKER_RENDITIONS)
    return list(event.speakers.order_by("sort_order", "pk").prefetch_related(Prefetch("photo", queryset=photos)))


def upcoming_events(campaign=None, count=None):
    """Events not yet over, soonest first."""
    events = live_events().filter(end__gt=timezone.now()).order_by("start", "pk")
    if campaign is not None:
        events = events.filter(campaign=campaign)
    return list(events[:count]) if count else events


def past_events():
    """Events that are over, most recent first."""
    return live_events().filter(end__lte=timezone.now()).order_by("-start", "-pk")


def next_events(count, chosen_ids=()):
    """The events editors chose (those still to come), in their order; or else the soonest ones."""
    if chosen_ids:
        by_id = live_events().filter(end__gt=timezone.now()).in_bulk(chosen_ids)
        return [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
    return upcoming_events(count=count)
