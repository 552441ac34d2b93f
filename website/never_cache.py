"""The one way this site says "no cache may keep this": for a page that holds someone's own details, a CSRF token
or one client's refusal, and for files and exports of personal data.

Django's `add_never_cache_headers` gives `max-age=0, no-cache, no-store, must-revalidate, private`: the page cache
(website/page_cache.py), Varnish and browsers all skip such a response. Use `never_cached(response)` on a response
or `@never_cached_view` on a view, never a hand-written Cache-Control, so that every such answer says the same.
"""

from django.utils.cache import add_never_cache_headers

# On a view: Django's own decorator, which sets the same headers on every answer (async views too).
from django.views.decorators.cache import never_cache as never_cached_view  # noqa: F401


def never_cached(response):
    """Marks `response` as never to be kept by any cache, shared or the browser's; returns it."""
    add_never_cache_headers(response)
    return response
