"""Serving many visitors: whole pages for anonymous visitors, and the fragments every page repeats, kept in the cache.

Everything kept is filed under the current *content generation*, a value in the cache all processes share. Any
change a visitor could see (a page published, unpublished, moved or deleted; a snippet, a setting, an image or a
document saved) starts a new generation once its transaction commits, and from then on every process rebuilds
every page and fragment. Blunt, but never stale: nothing has to know which pages show what, and edits are rare
next to visits. Whole pages are kept in the shared cache, gzipped once as they are stored; fragments (a page's
sections among them) in each process's own memory (the `fragments` cache), where the generation in their keys keeps
them from going stale and reading them costs no round trip.
A caching proxy in front (FRONTEND_CACHE_PURGE_URL) is sent purges for the addresses a change touches, and keeps
the rest no longer than PAGE_CACHE_SECONDS.

Only anonymous visitors' pages are shared: a request with a session (editors, anyone part-way through a password
page) is never answered from the cache. Pages with a form (sign-up, event registration, the endorsement request) say
`private, no-store` themselves and carry a CSRF token in a cookie, so they are never kept either.
"""

import copy
import functools
import gzip
import hashlib
import json
import logging
import re
import time
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request

from django.conf import settings
from django.core.cache import cache, caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.contrib.frontend_cache.backends import http as http_backend
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
# Fragments change only with content, which starts a new generation; the timeout only bounds what is kept.
FRAGMENT_SECONDS = 60 * 60
CACHE_HEADER = "X-Page-Cache"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# In every kept page's key: a new one whenever what is kept changes (now: gzipped, with every middleware's headers),
# so that a release never sends a page an older one kept.
PAGE_FORMAT = "v2"
# Where KeptPageFront leaves, in the WSGI environ, the content generation it read and found no page kept under.
FRONT_GENERATION = "website.content_generation"
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
_UNKNOWN = object()


# The generation


def current_generation():
    """The content generation, or None when the cache cannot be reached (then nothing is cached)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First use, or evicted: a clock reading differs from every generation before it.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def caching():
    """Whether anything is kept under the content generation: fragments, whole pages or both."""
    return settings.FRAGMENT_CACHE_ENABLED or settings.PAGE_CACHE_ENABLED


def start_new_generation():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def request_generation(request):
    """The generation this request reads and files under: read once, so one request never mixes two."""
    if request is None or not caching():
        return None
    generation = getattr(request, "_content_generation", _UNKNOWN)
    if generation is _UNKNOWN:
        generation = request._content_generation = current_generation()
    return generation


def _key(kind, generation, *parts):
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"{kind}:{generation}:{digest}"


# Fragments


def cached_value(request, parts, compute, seconds=FRAGMENT_SECONDS):
    """What `compute()` returns (a list of links, the site), kept for this site under `parts` (what it varies by)
    until content changes, or for `seconds` at most."""
    generation = request_generation(request) if settings.FRAGMENT_CACHE_ENABLED else None
    if generation is None:
        return compute()
    key = _key("value", generation, request.get_host(), *parts)
    value = caches["fragments"].get(key, _UNKNOWN)
    if value is _UNKNOWN:
        value = compute()
        caches["fragments"].set(key, value, seconds)
    return value


def cached_fragment(request, parts, render, seconds=FRAGMENT_SECONDS):
    """Like cached_value, for the HTML `render()` returns."""
    html = cached_value(request, ["html", *parts], lambda: str(render()), seconds)
    return mark_safe(html)  # noqa: S308 - HTML this site's templates rendered


class CachedBlockMixin:
    """For a StreamField block whose HTML follows from its stored value and the site's content alone.

    Rendered in a stream by `{% include_stream %}`, its HTML is kept as a fragment, and on a hit what it chooses
    (pages, images, snippets) is not even loaded from the database.
    """

    # True for a block that also changes with the clock (an event ending, a stream going live), which no edit
    # announces: it is then kept no longer than a whole page may be.
    changes_with_clock = False

    @property
    def fragment_seconds(self):
        return settings.PAGE_CACHE_SECONDS if self.changes_with_clock else FRAGMENT_SECONDS


def render_stream(context, stream_value):
    """A StreamField's blocks rendered as `{% include_block %}` renders each, with cached blocks' HTML read from
    the fragment cache under their raw stored value: a stream's values are converted (pages looked up and so on)
    only for the blocks that have to be rendered."""
    request = context.get("request")
    parent_context = context.flatten()
    html = []
    for index, raw in enumerate(stream_value.raw_data):
        block = stream_value.stream_block.child_blocks[raw["type"]]

        def render(index=index):
            child = stream_value[index]
            # `block` as the {% for block in … %} loop would name it: templates take their ids from it.
            return conditional_escape(child.render_as_block(context={**parent_context, "block": child}))

        if isinstance(block, CachedBlockMixin):
            value_json = json.dumps(raw["value"], cls=DjangoJSONEncoder, sort_keys=True)
            parts = [type(block).__name__, raw.get("id") or "", value_json]
            html.append(cached_fragment(request, parts, render, block.fragment_seconds))
        else:
            html.append(render())
    return mark_safe("".join(html))  # noqa: S308 - each part escaped or rendered by this site's templates


def find_site(request):
    """Wagtail's answer to which site a request is for, which every page asks for first: from the fragment cache,
    as it changes only with content (a site saved, a root page republished)."""
    from wagtail.models import Site

    if not hasattr(request, "_wagtail_site"):
        # cached_value keys by host already; Wagtail's choice also turns on the port.
        parts = ["site", request.get_port()]
        try:
            request._wagtail_site = cached_value(request, parts, lambda: Site._find_for_request(request))
        except DatabaseError:
            # Looked for again in the view, where a database outage becomes the "back in a moment" page.
            return None
    return request._wagtail_site


class CachedSiteSettingMixin:
    """For a Wagtail site setting that every page reads: taken from the fragment cache, as it changes only with
    content, rather than queried on every request."""

    @classmethod
    def for_request(cls, request):
        name = cls.get_cache_attr_name()
        if not hasattr(request, name):
            instance = cached_value(
                request, [cls._meta.label], lambda: super(CachedSiteSettingMixin, cls).for_request(request)
            )
            # What Wagtail gives its own copy, left out when kept: it makes page URLs cheaper to work out.
            instance._request = request
            setattr(request, name, instance)
        return getattr(request, name)


# Whole pages


def _private_prefixes():
    # The admin; documents, whose collections may be private; search, rate-limited and one page per query; static
    # files, which WhiteNoise serves (after this middleware) with caching headers of its own.
    return (f"/{settings.ADMIN_URL_PATH}/", "/documents/", "/search/", settings.STATIC_URL)


def _has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _may_be_shared(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not _has_session(request)
        and not request.path.startswith(_private_prefixes())
    )


def _directives(response):
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}


def _is_shareable(request, response):
    """The same for every visitor without a session: a 200 that sets no cookie, holds no CSRF token, asks no privacy."""
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and not _directives(response) & {"private", "no-store", "no-cache"}
        # Anonymous requests differ in cookies only in ones no page reads; any other Vary would need its own copy.
        and vary <= {"cookie"}
    )


def _page_key(request):
    return _key("page", PAGE_FORMAT, request.scheme, request.get_host(), request.get_full_path())


def _kept_page(request, key):
    """The page kept under `key` if it was filed under the current generation: both read in one round trip."""
    try:
        found = cache.get_many([GENERATION_KEY, key])
    except Exception:
        # A page kept by another release that no longer unpickles (say, after a Django upgrade): a miss to render
        # and keep afresh, never an error on every visit until it expires.
        logger.warning("Discarding a kept page that cannot be read: %s", key, exc_info=True)
        cache.delete(key)
        return None
    generation, kept = found.get(GENERATION_KEY), found.get(key)
    if generation is not None:
        request._content_generation = generation
    if kept is not None and generation is not None and kept[0] == generation:
        return _as_accepted(request, kept[1])
    return None


def _compressed(response):
    """The response with its body gzipped, once, as it is kept: a page shared by every anonymous visitor holds no
    secret (no session, no CSRF token) for an attacker to guess by its compressed size (BREACH)."""
    response.content = gzip.compress(response.content, compresslevel=9, mtime=0)
    response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def _as_accepted(request, response):
    """A kept (gzipped) page as the request can take it: unzipped for the rare client that takes no gzip."""
    if not ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response.content = gzip.decompress(response.content)
        del response["Content-Encoding"]
        response["Content-Length"] = str(len(response.content))
    return response


def kept_response(request):
    """The page kept for an anonymous GET or HEAD, marked as a hit, or None. Either way the content generation read
    with it is the request's, for rendering and keeping the page."""
    if not (settings.PAGE_CACHE_ENABLED and _may_be_shared(request)):
        return None
    if FRONT_GENERATION in request.META:
        # KeptPageFront looked already, and found none: the generation it read serves.
        request._content_generation = request.META[FRONT_GENERATION]
        return None
    response = _kept_page(request, _page_key(request))
    if response is not None:
        response[CACHE_HEADER] = "hit"
    return response


class KeptPageFront:
    """The WSGI application in front of Django's (website/wsgi.py): answers a kept page before Django builds its
    request and runs its middleware, which costs more than reading the page. Everything else goes on to Django,
    with the generation read here, so that a miss still costs one read of the cache."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        request = WSGIRequest(environ)
        try:
            response = kept_response(request)
        except DisallowedHost:
            response = None  # Django answers it, with its "bad request" page
        if response is None:
            generation = getattr(request, "_content_generation", None)
            if generation is not None:
                environ[FRONT_GENERATION] = generation
            return self.application(environ, start_response)
        # Kept pages set no cookies: their headers are all there is (gunicorn leaves out the body for HEAD).
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]


class PageCacheMiddleware:
    """Answers anonymous visitors from the cache, and tells caches in front what they may keep.

    A page fit to share gets `Cache-Control: public` with a short max-age for browsers and PAGE_CACHE_SECONDS for
    shared caches (s-maxage), unless its view said otherwise. Pages for someone with a session are `private`.
    First in MIDDLEWARE, so that a kept page has every header the rest gave it: KeptPageFront sends it as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_be_shared(request):
            response = self._respond(request)
            if _has_session(request) and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        response = kept_response(request)
        if response is not None:
            return response
        # Read before rendering: an edit committed meanwhile must not have its generation on the old content.
        generation = request_generation(request) if settings.PAGE_CACHE_ENABLED else None
        response = self._respond(request)
        if not _is_shareable(request, response):
            if response.status_code == 200 and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            return response
        seconds = settings.PAGE_CACHE_SECONDS
        if not response.has_header("Cache-Control"):
            patch_cache_control(
                response, public=True, max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, seconds), s_maxage=seconds
            )
        if generation is not None and request.method == "GET":
            response = _compressed(response)
            cache.set(_page_key(request), (generation, response), _shared_seconds(response, seconds))
            response = _as_accepted(request, response)
            response[CACHE_HEADER] = "miss"
        return response

    def _respond(self, request):
        # After the kept page is looked for: a hit then costs one round trip to the cache, not two.
        find_site(request)
        return self.get_response(request)


def _shared_seconds(response, most):
    """How long a shared cache may keep the response: its s-maxage or max-age, at most `most`."""
    values = {}
    for part in cc_delim_re.split(response.get("Cache-Control", "")):
        name, _, value = part.partition("=")
        if value.strip().isdigit():
            values[name.strip().lower()] = int(value)
    return min(values.get("s-maxage", values.get("max-age", most)), most)


# Invalidation


@functools.cache
def _seen_models():
    """(pages, files, everything else) whose saves a visitor can see."""
    from taggit.models import Tag
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Page, Site
    from wagtail.snippets.models import get_snippet_models

    # A view restriction: a page made private (or public again) without being published.
    others = (Site, BaseSiteSetting, BaseGenericSetting, BaseViewRestriction, Tag, *get_snippet_models())
    return Page, (AbstractImage, AbstractDocument), others


def _is_seen(instance, update_fields, created):
    """Whether saving or deleting `instance` can change what some public page shows."""
    from taggit.models import Tag

    pages, files, others = _seen_models()
    fields = set(update_fields or ())
    if isinstance(instance, pages):
        return not (fields and fields <= UNSEEN_PAGE_FIELDS)
    if isinstance(instance, (*files, Tag)):
        # A new upload or topic shows nowhere until a page using it is published.
        return not created and not (fields and fields <= UNSEEN_FILE_FIELDS)
    return isinstance(instance, others)


def _content_changed(sender, instance, update_fields=None, created=False, **kwargs):
    if not _is_seen(instance, update_fields, created):
        return
    if caching():
        # After the commit: a process rendering in between would file the old content under the new generation.
        transaction.on_commit(start_new_generation)
    if _purging() and not isinstance(instance, _seen_models()[0]):
        # A snippet, setting or image may show on any page: every page goes. Pages purge on publishing.
        _purge_everything_after_commit()


def _page_deleting(sender, instance, **kwargs):
    # Before the delete, while its ancestors and topics can still be read.
    if isinstance(instance, _seen_models()[0]) and instance.live and _purging():
        _purge_after_commit(_page_urls(instance))


def _page_published(sender, instance, **kwargs):
    if _purging():
        _purge_after_commit(_page_urls(instance))


def _page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    if caching():
        transaction.on_commit(start_new_generation)
    if not _purging() or url_path_before == url_path_after:
        return
    urls = _page_urls(instance) | _page_urls(parent_page_before)
    # The old addresses of the page and everything under it now answer "not found".
    for page in [instance, *instance.get_descendants().live()]:
        moved_from = copy.copy(page)
        moved_from.url_path = url_path_before + page.url_path[len(url_path_after) :]
        urls.add(moved_from.get_full_url())
    _purge_after_commit(urls)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_content_changed, dispatch_uid="website.cache.saved")
    post_delete.connect(_content_changed, dispatch_uid="website.cache.deleted")
    pre_delete.connect(_page_deleting, dispatch_uid="website.cache.page_deleting")
    page_published.connect(_page_published, dispatch_uid="website.cache.published")
    page_unpublished.connect(_page_published, dispatch_uid="website.cache.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="website.cache.moved")


# Purging a caching proxy in front


def _purging():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _purge_after_commit(urls):
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted(url for url in urls if url)
    if urls:
        transaction.on_commit(partial(purge_urls_from_cache, urls))


def _page_urls(page):
    """The addresses showing `page` or a link to it: its own, its ancestors' (listings up to the home page), pages
    it names (a news item's campaign lists it), what apps add (the news feeds) and the sitemap."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    page = page.specific_deferred
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))
    for field in page._meta.concrete_fields:
        target = getattr(field, "related_model", None)
        if field.many_to_one and target and issubclass(target, Page) and not field.name.endswith("_ptr"):
            related = getattr(page, field.name, None)
            if related is not None and related.live and related.pk != page.pk:
                batch.add_page(related)
    batch.add_urls(_app_urls(page))
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
    from wagtail.contrib.frontend_cache.utils import get_backends

    for backend in get_backends().values():
        for host in hosts:
            backend.ban_host(host)


def _purge_everything_after_commit():
    from wagtail.contrib.frontend_cache.utils import get_backends
    from wagtail.models import Site

    if all(hasattr(backend, "ban_host") for backend in get_backends().values()):
        hosts = sorted({urlsplit(site.root_url).netloc for site in Site.objects.all()})
        transaction.on_commit(partial(_ban_hosts, hosts))
    else:
        _purge_after_commit(_every_page_url())


def _every_page_url():
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    batch.add_urls(_app_urls())
    for site in Site.objects.all():
        batch.add_url(site.root_url + "/sitemap.xml")
    return batch.urls


def _app_urls(page=None):
    """The addresses apps add to a purge (their wagtail_hooks' "purge_urls"): those that list `page` outside the page
    tree, such as the news feeds, or with no page, every such address they serve."""
    from wagtail import hooks

    return [url for hook in hooks.get_hooks("purge_urls") for url in hook(page)]
