"""Every absolute address the site gives out (e-mails, canonical and og:url, og:image, feeds, calendar files, share
links, robots.txt, the sitemap) is built here, from the configured site address, WAGTAILADMIN_BASE_URL: never from
a request's Host header, which whoever sends the request chooses, nor from the port a development server happens
to answer on. One rule, so a page never names itself one way in its head and another in its e-mails."""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path=""):
    """`path` (an absolute path such as "/confirm/…/") on the site's public address; a full address (a picture on
    a storage bucket's own host) is left as it is."""
    if urlsplit(path).scheme in ("http", "https"):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_site_url(page, subpath=""):
    """A page's address (and a route under it, e.g. a RoutablePage's "registered/…/") on the site's public address;
    "" for a page no site serves (a page outside the tree, or a preview of one not yet saved)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return site_url(parts[2] + subpath)


def rebased(url):
    """An absolute address Wagtail built from a Site's hostname and port, on the site's public address instead."""
    split = urlsplit(url)
    return site_url(split._replace(scheme="", netloc="").geturl()) if split.netloc else site_url(url)


def site_host():
    """The public address's host (and port, if any), such as "network.example.org": for calendar entries' UIDs."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
