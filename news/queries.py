"""One query function per listing of news: live, public, without the bodies, pictures and renditions in bulk.

The queries themselves are methods of the news pages' queryset (news/querysets.py).
"""

from news.models import NewsIndexPage, NewsPage


def news_index():
    """The live 'What's new' page, or None before editors have made one."""
    return NewsIndexPage.objects.live().first()


def news_listing(kind="", topic=None):
    return NewsPage.objects.listing(kind=kind, topic=topic)


def latest_news(count):
    """The newest `count` items, for the home page's 'What's new'."""
    return list(news_listing()[:count])


def news_for_campaign(campaign, count=3):
    """The newest items about one campaign, for its page."""
    return list(news_listing().filter(related_campaign=campaign)[:count])


def feed_items(kind="", topic=None, count=20):
    return NewsPage.objects.feed_items(kind=kind, topic=topic, count=count)


def topics_in_use():
    return NewsPage.objects.topics_in_use()
