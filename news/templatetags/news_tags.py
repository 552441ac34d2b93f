from django import template

from news.queries import news_index
from news.sharing import share_links as links_to_share

register = template.Library()


@register.inclusion_tag("news/includes/feed_links.html")
def feed_links(feeds=None):
    """<link rel="alternate"> tags so feed readers find the news feeds; the whole news unless `feeds` are given."""
    if feeds is None:
        index = news_index()
        feeds = index.feeds() if index else []
    return {"feeds": feeds}


@register.inclusion_tag("news/includes/share_links.html", takes_context=True)
def share_links(context, page):
    request = context["request"]
    url = page.get_full_url(request)
    return {"page_url": url, "links": links_to_share(url, page.title, page.get_share_description())}
