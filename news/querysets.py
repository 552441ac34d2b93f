"""The listings of news as methods of the news pages' queryset: `NewsPage.objects.listing()` and the rest.

On the model's manager, so the index page asks for them without importing a module that imports the models back;
news/queries.py keeps the function names other apps and templates use.
"""

from django.db.models import Prefetch
from taggit.models import Tag
from wagtail.images.models import Filter
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from website.models import SiteImage

# The renditions the listing templates ask for, prefetched with the pictures.
CARD_IMAGE_FILTERS = ["fill-{480x270,960x540}", "format-{avif,webp,jpeg}"]
CARD_IMAGE_SPECS = Filter.expand_spec(CARD_IMAGE_FILTERS)


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        return self.live().public().defer_streamfields().order_by("-date", "-first_published_at", "-pk")

    def listing(self, kind="", topic=None):
        """The index's items, newest first, optionally one kind and one topic, each with its card picture."""
        items = self.published().prefetch_related(
            Prefetch("listing_image", queryset=SiteImage.objects.prefetch_renditions(*CARD_IMAGE_SPECS))
        )
        if kind:
            items = items.filter(kind=kind)
        if topic is not None:
            items = items.filter(tags=topic)
        return items

    def feed_items(self, kind="", topic=None, count=20):
        """The newest items of a feed, with their topics as the feed's categories."""
        items = self.published().prefetch_related("tags")
        if kind:
            items = items.filter(kind=kind)
        if topic is not None:
            items = items.filter(tags=topic)
        return list(items[:count])

    def topics_in_use(self):
        """The topics at least one published item has, by name, for the index's filter links."""
        return (
            Tag.objects.filter(news_newspagetag_items__content_object__in=self.published().values("pk"))
            .distinct()
            .order_by("name")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
