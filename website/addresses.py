"""Absolute addresses for what leaves the site (e-mails): always built from the configured site address,
WAGTAILADMIN_BASE_URL, never from a request's Host header, which whoever sends the request chooses."""

from django.conf import settings


def site_url(path=""):
    """`path` (an absolute path such as "/confirm/…/") on the site's public address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_site_url(page, subpath=""):
    """A page's address (and a route under it, e.g. a RoutablePage's "registered/…/") on the site's public address."""
    return site_url(page.get_url_parts()[2] + subpath)
