"""What an edit makes the caches forget, once its transaction commits.

Any change a visitor could see (a page published, unpublished, moved, deleted or made private; a snippet, a setting,
an image or a document saved) starts a new content generation (website/generation.py), which retires every kept
page and fragment in every process.

A caching proxy in front (WAGTAILFRONTENDCACHE, from FRONTEND_CACHE_PURGE_URL) is told too. Wagtail's
`wagtail.contrib.frontend_cache` purges a published or unpublished page's own addresses: each page type lists them
in `get_cached_paths` (the news index its feeds, say). Here the rest is added: the pages that list it (its
ancestors, up to the home page, each with its own cached paths), the pages it names (a news item's campaign), the
sitemap, and on a move the old addresses. A snippet, setting or image may show on any page, so it BANs the whole
host in one request (PurgingProxy, Wagtail's HTTP backend plus BAN), or with a backend that only purges, every
page's addresses and those apps add through the `purge_urls` hook (addresses outside the page tree).
"""

import copy
import functools
import logging
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from taggit.models import Tag
from wagtail import hooks
from wagtail.contrib.frontend_cache.backends import http as http_backend
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends, purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from website.generation import caching, start_new_generation

logger = logging.getLogger(__name__)

# Saves that change nothing a visitor sees: a draft, a lock, a file's size or hash worked out on first use.
UNSEEN_PAGE_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
}
UNSEEN_FILE_FIELDS = {"file_size", "file_hash"}


@functools.cache
def _seen_others():
    """Models besides pages and files whose saves a visitor can see (snippets are registered by the apps' ready)."""
    # A view restriction: a page made private (or public again) without being published.
    return (Site, BaseSiteSetting, BaseGenericSetting, BaseViewRestriction, Tag, *get_snippet_models())


def is_seen(instance, update_fields=None, created=False):
    """Whether saving or deleting `instance` can change what some public page shows."""
    fields = set(update_fields or ())
    if isinstance(instance, Page):
        return not (fields and fields <= UNSEEN_PAGE_FIELDS)
    if isinstance(instance, (AbstractImage, AbstractDocument, Tag)):
        # A new upload or topic shows nowhere until a page using it is published.
        return not created and not (fields and fields <= UNSEEN_FILE_FIELDS)
    return isinstance(instance, _seen_others())


def _content_changed(sender, instance, update_fields=None, created=False, **kwargs):
    if not is_seen(instance, update_fields, created):
        return
    if caching():
        # After the commit: a process rendering in between would file the old content under the new generation.
        transaction.on_commit(start_new_generation)
    if _purging() and not isinstance(instance, Page):
        # A snippet, setting or image may show on any page: every page goes. Pages purge on publishing.
        _purge_everything_after_commit()


def _page_deleting(sender, instance, **kwargs):
    # Before the delete, while its ancestors can still be read. Wagtail's page_unpublished purges the page itself.
    if isinstance(instance, Page) and instance.live and _purging():
        _purge_after_commit(_listing_urls(instance))


def _page_published(sender, instance, **kwargs):
    # The page's own addresses: wagtail.contrib.frontend_cache's handler, from its get_cached_paths.
    if _purging():
        _purge_after_commit(_listing_urls(instance))


def _page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    if caching():
        transaction.on_commit(start_new_generation)
    if not _purging() or url_path_before == url_path_after:
        return
    batch = PurgeBatch()
    batch.add_page(instance.specific_deferred)
    urls = batch.urls | _listing_urls(instance) | _listing_urls(parent_page_before, including_itself=True)
    # The old addresses of the page and everything under it now answer "not found".
    for page in [instance, *instance.get_descendants().live()]:
        moved_from = copy.copy(page)
        moved_from.url_path = url_path_before + page.url_path[len(url_path_after) :]
        urls.add(moved_from.get_full_url())
    _purge_after_commit(urls)


def forget_page(page):
    """A change to what `page` shows that is not a publish (a moderator's decision on the names under it): once the
    transaction commits, a new generation, and the proxy in front forgets the page's own addresses."""
    if caching():
        transaction.on_commit(start_new_generation)
    if _purging():
        batch = PurgeBatch()
        batch.add_page(page.specific_deferred)
        _purge_after_commit(batch.urls)


def forget_everything():
    """A change to the whole site at once (a restore): once the transaction commits, a new generation, the proxy in
    front forgets every page, and Wagtail forgets what it keeps of the sites and locales (their rows' save signals
    would have told it, but a restore writes rows without them)."""
    transaction.on_commit(Site.clear_site_root_paths_cache)
    transaction.on_commit(partial(cache.delete, "wagtail_locales_display_name"))
    if caching():
        transaction.on_commit(start_new_generation)
    if _purging():
        _purge_everything_after_commit()


def connect_signals():
    """Called from website's AppConfig.ready, so that commands (publish_scheduled) invalidate the caches too."""
    post_save.connect(_content_changed, dispatch_uid="website.purge.saved")
    post_delete.connect(_content_changed, dispatch_uid="website.purge.deleted")
    pre_delete.connect(_page_deleting, dispatch_uid="website.purge.page_deleting")
    page_published.connect(_page_published, dispatch_uid="website.purge.published")
    page_unpublished.connect(_page_published, dispatch_uid="website.purge.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="website.purge.moved")


def _purging():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _purge_after_commit(urls):
    urls = sorted(url for url in urls if url)
    if urls:
        transaction.on_commit(partial(purge_urls_from_cache, urls))


def _listing_urls(page, including_itself=False):
    """The addresses that show `page` or a link to it, besides its own: its ancestors' (each listing up to the home
    page, with the paths each says it serves, such as the news index's feeds), the pages it names (a news item's
    campaign lists it) and the sitemap."""
    page = page.specific_deferred
    batch = PurgeBatch()
    if including_itself:
        batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))
    for field in page._meta.concrete_fields:
        target = getattr(field, "related_model", None)
        if field.many_to_one and target and issubclass(target, Page) and not field.name.endswith("_ptr"):
            related = getattr(page, field.name, None)
            if related is not None and related.live and related.pk != page.pk:
                batch.add_page(related)
    site = page.get_site()
    if site is not None:
        batch.add_url(site.root_url + "/sitemap.xml")
    return batch.urls


class PurgingProxy(HTTPBackend):
    """Wagtail's HTTP purger (PURGE one address), which can also BAN a whole host in one request, as
    deploy/varnish/default.vcl allows: for an edit every page shows, rather than a PURGE per page."""

    def ban_host(self, host):
        # The scheme is the operator's own FRONTEND_CACHE_PURGE_URL.
        request = Request(f"{self.cache_scheme}://{self.cache_netloc}/", method="BAN", headers={"Host": host})  # noqa: S310
        try:
            http_backend.urlopen(request)
        except (HTTPError, URLError) as error:
            logger.error("Couldn't ban %s from the HTTP cache: %s", host, error)


def _ban_hosts(hosts):
    for backend in get_backends().values():
        for host in hosts:
            backend.ban_host(host)


def _purge_everything_after_commit():
    if all(hasattr(backend, "ban_host") for backend in get_backends().values()):
        hosts = sorted({urlsplit(site.root_url).netloc for site in Site.objects.all()})
        transaction.on_commit(partial(_ban_hosts, hosts))
    else:
        _purge_after_commit(_every_page_url())


def _every_page_url():
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    # Addresses outside the page tree that show content (social's page of older posts).
    batch.add_urls(url for hook in hooks.get_hooks("purge_urls") for url in hook())
    for site in Site.objects.all():
        batch.add_url(site.root_url + "/sitemap.xml")
    return batch.urls
