"""RSS 2.0 and Atom feeds of the news, whole or by kind or topic, with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from news.models import KIND_PLURALS
from news.queries import feed_items
from website.addresses import page_site_url, site_url
from website.models import SiteSettings
from website.page_views import answers_route


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, kind="", topic=None):
        self.index, self.kind, self.topic = index, kind, topic

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = SiteSettings.for_request(self.request).site_name
        if self.kind:
            return f"{KIND_PLURALS[self.kind]} | {site_name}"
        if self.topic:
            return f"{self.topic.name} | {self.index.title} | {site_name}"
        return f"{self.index.title} | {site_name}"

    def description(self):
        return self.index.listing_summary or f"News, statements and press releases from {self.index.title}."

    def link(self):
        return page_site_url(self.index) + self.index.filter_url(self.kind, self.topic).rstrip("?")

    def feed_url(self):
        return site_url(self.request.get_full_path())

    def items(self):
        return feed_items(kind=self.kind, topic=self.topic)

    def item_title(self, item):
        # The feed generator escapes it once; Django's default would escape it twice.
        return item.title

    def item_description(self, item):
        # Feed readers read descriptions as HTML; the summary is plain text, so it is escaped to show as typed.
        return escape(item.get_share_description())

    def item_link(self, item):
        return page_site_url(item)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


FEED_TYPES = {"rss": NewsRssFeed, "atom": NewsAtomFeed}


@answers_route("news.feed")
def news_feed(request, index, feed_format, kind="", topic=None):
    """The news index's feed in `feed_format` ("rss" or "atom"), of one kind or topic when given."""
    if feed_format not in FEED_TYPES:
        raise Http404("There is no such feed.")
    return FEED_TYPES[feed_format](index, kind=kind, topic=topic)(request)
