from wagtail import hooks

from news.feeds import FEED_TYPES
from news.models import KIND_PLURALS, NewsIndexPage
from news.queries import topics_in_use


@hooks.register("purge_urls")
def feed_urls(page=None):
    """The news feeds a page shows in (all news, each kind, its topics'); with no page, every feed there is."""
    topics = topics_in_use() if page is None else (page.tags.all() if hasattr(page, "tags") else ())
    urls = []
    for index in NewsIndexPage.objects.live():
        base = index.get_full_url()
        if base is None:
            continue
        for feed_format in FEED_TYPES:
            urls.append(base + index.reverse_subpage("feed", kwargs={"feed_format": feed_format}))
            for kind in KIND_PLURALS:
                kwargs = {"kind": kind, "feed_format": feed_format}
                urls.append(base + index.reverse_subpage("kind_feed", kwargs=kwargs))
            for topic in topics:
                kwargs = {"topic": topic.slug, "feed_format": feed_format}
                urls.append(base + index.reverse_subpage("topic_feed", kwargs=kwargs))
    return urls
