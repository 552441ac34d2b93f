from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html

from website.addresses import page_site_url, site_url
from website.navigation import join_link, menu_links
from website.shared_forms import must_hold_token, resending
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


@register.simple_tag(takes_context=True)
def shared_form_token(context):
    """Inside a form on a page the caches share (website/shared_forms.py): on a GET nothing (csrf.js fetches a
    token); in the answer to a post, which no cache keeps, the token itself, and after a post that arrived without
    one, a word on why the form is back."""
    request = context["request"]
    if not must_hold_token(request):
        return ""
    hidden = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))
    if resending(request):
        notice = format_html(
            '<p class="notice" role="alert">{}</p>',
            "Nothing is sent yet. To keep your details safe, please check them and press the button again.",
        )
        return notice + hidden
    return hidden


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, page, heading=""):
    """Links to share `page` on each network's own share page: nothing loads from them until a visitor clicks."""
    url = page_site_url(page)
    return {"page_url": url, "heading": heading, "links": links_to_share(url, page.title, page.get_share_description())}


@register.filter
def page_address(page):
    """A page's absolute address on the configured site address (website/addresses.py): canonical, og:url."""
    return page_site_url(page) if page is not None and hasattr(page, "get_url_parts") else ""


@register.simple_tag
def site_address(path):
    """An absolute address on the configured site address for a path such as a picture's URL: og:image."""
    return site_url(path)


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
