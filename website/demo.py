"""Helpers every app's demo loader uses, so that loading twice changes nothing."""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

# The placeholder address the first migration gives the site.
MIGRATION_SITE_ADDRESS = ("localhost", 80)


def site_tree():
    """The default site at the configured address, with its home page; made if the database has none."""
    HomePage = apps.get_model(settings.HOME_PAGE_MODEL)  # noqa: N806  (a model class)
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname, port = address.hostname, address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = HomePage.objects.first() or root.add_child(instance=HomePage(title="Home", slug="home"))
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    elif (site.hostname, site.port) == MIGRATION_SITE_ADDRESS:
        site.hostname, site.port = hostname, port
        site.save()
    return site


def child_page(parent, model, slug, log, **fields):
    """The page at `slug` under `parent`, created and published from `fields` if it is missing.

    An existing page is left as editors have it, so a second load changes nothing.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        log(f"  {existing.title}: already there")
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"  {page.title}: created")
    return page


def add_home_section(block_type, value, log, after=None):
    """Adds a section to the home page's body unless one of that type is already there.

    `after` names the block type it should follow (it goes at the end when there is none), so each app's
    loader places its own section without knowing the others'.
    """
    home = site_tree().root_page.specific
    blocks = list(home.body.raw_data)
    if any(block["type"] == block_type for block in blocks):
        log(f"  home page {block_type}: already there")
        return
    position = len(blocks)
    for index, block in enumerate(blocks):
        if block["type"] == after:
            position = index + 1
    home.body.insert(position, (block_type, value))
    home.save_revision().publish()
    log(f"  home page {block_type}: added")
