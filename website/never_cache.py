"""The one way this site says "no cache may keep this": for a page that holds someone's own details, a CSRF token
or one client's refusal, and for files and exports of personal data.

Django's `add_never_cache_headers` gives `max-age=0, no-cache, no-store, must-revalidate, private`: the page cache
(website/page_cache.py), Varnish and browsers all skip such a response. Use `never_cached(response)` on a response
or `@never_cached_view` on a view, never a hand-written Cache-Control, so that every such answer says the same.
"""

from functools import wraps

from django.utils.cache import add_never_cache_headers


def never_cached(response):
    """Marks `response` as never to be kept by any cache, shared or the browser's; returns it."""
    add_never_cache_headers(response)
    return response


def never_cached_view(view):
    """A view whose every answer is `never_cached`."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return never_cached(view(request, *args, **kwargs))

    return wrapper
