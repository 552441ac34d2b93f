from django import template

from news.queries import news_index
from website.fragment_cache import cached_value

register = template.Library()


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def feed_links(context, feeds=None):
    """<link rel="alternate"> tags so feed readers find the news feeds; the whole news unless `feeds` are given."""
    if feeds is None:
        # On every page: looked up once per content change, not per page (website/fragment_cache.py).
        feeds = cached_value(context.get("request"), ["feed-links"], site_feeds)
    return {"feeds": feeds}


def site_feeds():
    index = news_index()
    return index.feeds() if index else []
