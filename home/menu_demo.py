"""The demo's header menu: loaded last (see load_demo_content), once every section it links to is there."""

from website.demo import site_tree
from website.models import Navigation

# The header's menu, in order: (slug of the home page's child, words in the menu).
MENU = [
    ("campaigns", "Campaigns"),
    ("events", "Events"),
    ("news", "What's new"),
    ("endorsements", "Endorsements"),
    ("get-involved", "Get involved"),
]


def load(log):
    """The header menu, and 'Show in menus' on the same sections, so the menu an editor empties still finds them."""
    site = site_tree()
    navigation = Navigation.for_site(site)
    if navigation.header_links:
        log("  menu: already there")
        return
    sections = {page.slug: page for page in site.root_page.get_children().specific()}
    links = []
    for slug, label in MENU:
        page = sections.get(slug)
        if page is None:
            continue
        if not page.show_in_menus:
            page.show_in_menus = True
            page.save_revision().publish()
        links.append(("link", {"label": label, "page": page, "external_url": ""}))
    navigation.header_links = links
    navigation.save()
    log("  menu: set")
