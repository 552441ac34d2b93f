from django import template

from news.queries import news_index
from news.sharing import share_links as links_to_share
from website.cache import cached_value

register = template.Library()


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def feed_links(context, feeds=None):
    """<link rel="alternate"> tags so feed readers find the news feeds; the whole news unless `feeds` are given."""
    if feeds is None:
        # On every page: looked up once per content change, not per page (website/cache.py).
        feeds = cached_value(context.get("request"), ["feed-links"], site_feeds)
    return {"feeds": feeds}


def site_feeds():
    index = news_index()
    return index.feeds() if index else []


@register.inclusion_tag("news/includes/share_links.html", takes_context=True)
def share_links(context, page):
    request = context["request"]
    url = page.get_full_url(request)
    return {"page_url": url, "links": links_to_share(url, page.title, page.get_share_description())}
