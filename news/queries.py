"""One query function per listing of news: live, public, without the bodies, pictures and renditions in bulk."""

from django.db.models import Prefetch
from taggit.models import Tag
from wagtail.images.models import Filter

from news.models import NewsIndexPage, NewsPage
from website.models import SiteImage

# The renditions the listing templates ask for, prefetched with the pictures.
CARD_IMAGE_FILTERS = ["fill-{480x270,960x540}", "format-{avif,webp,jpeg}"]
CARD_IMAGE_SPECS = Filter.expand_spec(CARD_IMAGE_FILTERS)


def news_index():
    """The live 'What's new' page, or None before editors have made one."""
    return NewsIndexPage.objects.live().first()


def _published_news():
    return NewsPage.objects.live().public().defer_streamfields().order_by("-date", "-first_published_at", "-pk")


def news_listing(kind="", topic=None):
    """The index's items, newest first, optionally one kind and one topic, each with its card picture."""
    items = _published_news().prefetch_related(
        Prefetch("listing_image", queryset=SiteImage.objects.prefetch_renditions(*CARD_IMAGE_SPECS))
    )
    if kind:
        items = items.filter(kind=kind)
    if topic is not None:
        items = items.filter(tags=topic)
    return items


def latest_news(count):
    """The newest `count` items, for the home page's 'What's new'."""
    return list(news_listing()[:count])


def news_for_campaign(campaign, count=3):
    """The newest items about one campaign, for its page."""
    return list(news_listing().filter(related_campaign=campaign)[:count])


def feed_items(kind="", topic=None, count=20):
    """The newest items of a feed, with their topics as the feed's categories."""
    items = _published_news().prefetch_related("tags")
    if kind:
        items = items.filter(kind=kind)
    if topic is not None:
        items = items.filter(tags=topic)
    return list(items[:count])


def topics_in_use():
    """The topics at least one published item has, by name, for the index's filter links."""
    return (
        Tag.objects.filter(news_newspagetag_items__content_object__in=_published_news().values("pk"))
        .distinct()
        .order_by("name")
    )
