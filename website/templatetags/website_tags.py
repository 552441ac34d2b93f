from django import template

from website.navigation import join_link, menu_links
from website.sharing import share_links as links_to_share

register = template.Library()


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Page links that stay short on long archives and keep the listing's filters."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return {
        "page_obj": page_obj,
        "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "ellipsis": page_obj.paginator.ELLIPSIS,
        "query_prefix": f"{query.urlencode()}&" if query else "",
    }


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, page, heading=""):
    """Links to share `page` on each network's own share page: nothing loads from them until a visitor clicks."""
    url = page.get_full_url(context["request"])
    return {"page_url": url, "heading": heading, "links": links_to_share(url, page.title, page.get_share_description())}


@register.simple_tag(takes_context=True)
def main_menu(context, page=None):
    """The header's links, each with its aria-current state on `page` ('page', 'true' or '')."""
    return [
        {"url": link.url, "text": link.text, "current": link.state(page)} for link in menu_links(context["request"])
    ]


@register.simple_tag(takes_context=True)
def join_button(context):
    """The header's call to action: {'url', 'text'}, or None when editors chose no page for it."""
    link = join_link(context["request"])
    return {"url": link[0], "text": link[1]} if link else None
