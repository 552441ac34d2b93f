"""The page cache: whole pages for anonymous visitors, kept in the default cache under the content generation
(website/generation.py) and gzipped once as they are stored.

With Redis (REDIS_URL) the pages and the generation are shared by every process, and KeptPageFront, in front of
Django, answers a kept page in one round trip. Without it each process keeps its own pages in memory and reads the
generation from the database once per request, in PageCacheMiddleware: a publish anywhere retires every process's
pages all the same.

Only anonymous visitors' pages are shared: a request with a session (editors, anyone part-way through a password
page) is never answered from the cache, nor is any response that sets a cookie, holds a CSRF token or says
`private`. Form pages are kept: their forms take a token from /forms/token/ (website/shared_forms.py).
"""

import gzip
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from website.fragment_cache import find_site
from website.generation import GENERATION_KEY, cache_key, in_shared_cache, request_generation

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Page-Cache"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# In every kept page's key: a new one whenever what is kept changes (now: gzipped, with every middleware's headers,
# and the time it was kept),
# so that a release never sends a page an older one kept.
PAGE_FORMAT = "v3"
# Where KeptPageFront leaves, in the WSGI environ, the content generation it read and found no page kept under.
FRONT_GENERATION = "website.content_generation"


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


def page_key(request):
    return cache_key("page", PAGE_FORMAT, request.scheme, request.get_host(), request.get_full_path())


def _kept_page(request, key):
    """The page kept under `key` if it was filed under the current generation: both read in one round trip when the
    generation is in the shared cache."""
    try:
        if in_shared_cache():
            found = cache.get_many([GENERATION_KEY, key])
        else:
            generation = request_generation(request)
            found = {GENERATION_KEY: generation, key: cache.get(key) if generation is not None else None}
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
        response = kept[1]
        # How long ago it was rendered: caches in front (Varnish, browsers) count their max-age from then, not from
        # now, so a page with a live count is never older than its lifetime however many caches it passes.
        response["Age"] = str(max(0, int(time.time() - kept[2])))
        return _as_accepted(request, response)
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
    response = _kept_page(request, page_key(request))
    if response is not None:
        response[CACHE_HEADER] = "hit"
    return response


class KeptPageFront:
    """The WSGI application in front of Django's (website/wsgi.py): answers a kept page before Django builds its
    request and runs its middleware, which costs more than reading the page. Everything else goes on to Django,
    with the generation read here, so that a miss still costs one read of the cache.

    Only while the generation is in the shared cache: a database read belongs inside Django's request, where its
    connection is checked and closed (PageCacheMiddleware answers those pages, first in the middleware)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not in_shared_cache():
            return self.application(environ, start_response)
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
            kept = (generation, response, time.time())
            cache.set(page_key(request), kept, _shared_seconds(response, seconds))
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
