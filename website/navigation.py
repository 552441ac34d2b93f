"""The header's main menu and its button: what editors set under Settings → Navigation, or else the site's
main sections found from the page tree, so that a new site is never without a way around."""

from dataclasses import dataclass

from django.db.models import Subquery
from wagtail.models import Page

from website.fragment_cache import cached_value, find_site
from website.models import Navigation


@dataclass(frozen=True)
class MenuLink:
    url: str
    text: str
    # The linked page's path in the tree, to mark the link current on that page and the pages below it.
    path: str = ""

    def state(self, page):
        """'page' on the linked page, 'true' on a page below it (a campaign in Campaigns), else ''."""
        page_path = getattr(page, "url_path", "")
        if not self.path or not page_path:
            return ""
        if page_path == self.path:
            return "page"
        return "true" if page_path.startswith(self.path) and self.path.count("/") > 2 else ""


def _page_link(page, request, text=""):
    return MenuLink(url=page.get_url(request) or "", text=text or page.title, path=page.url_path)


def menu_links(request):
    """The header's links: the editors' menu if they set one, else the home page's children 'shown in menus'."""
    navigation = Navigation.for_request(request)
    links = []
    for block in navigation.header_links:
        value = block.value
        page = value.get("page")
        if page is not None:
            links.append(_page_link(page, request, value.get("label")))
        elif value.url():
            links.append(MenuLink(url=value.url(), text=value.text()))
    if links:
        return links
    site = find_site(request)
    if site is None:
        return []
    return [_page_link(page, request) for page in main_sections(site)]


def main_sections(site):
    """The site's home page's children that are live, not private and 'shown in menus', in the tree's order: one
    query (the home page is matched inside it, not loaded first)."""
    root = Page.objects.filter(pk=site.root_page_id)
    return (
        Page.objects.live()
        .in_menu()
        .filter(
            path__startswith=Subquery(root.values("path")[:1]),
            depth=Subquery(root.values("depth")[:1]) + 1,
            view_restrictions__isnull=True,
        )
        .order_by("path")
    )


def join_link(request):
    """The header's button (and campaigns' sign-up action): (url, words), or None when editors chose no page.
    Kept until content changes, as it is on every page."""

    def compute():
        navigation = Navigation.for_request(request)
        page = navigation.join_page
        if page is None or not page.live:
            return None
        return (page.get_url(request), navigation.join_label or "Join")

    return cached_value(request, ["join-link"], compute)
