"""Pages showing a live count are kept by the caches for less than a minute, so the count is right within one.

The page cache (website/cache.py) and Varnish keep a page for PAGE_CACHE_SECONDS unless the page's own
Cache-Control says less, and a confirmed signature (42 a second at the launch) must not empty every cache. So any
template that shows a count marks its request (`shows_live_count`), and LiveCountMiddleware, inside the page cache,
gives such a page a short lifetime before it is kept. Nothing else changes: a page without a count is kept as long
as before, and a count's freshness costs no purge.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

MARK = "_shows_live_count"


def count_seconds():
    return min(getattr(settings, "PETITION_COUNT_CACHE_SECONDS", 30), settings.PAGE_CACHE_SECONDS)


def shows_live_count(request):
    if request is not None:
        setattr(request, MARK, True)


class LiveCountMiddleware:
    """Gives a page that shows a live count a shared lifetime of PETITION_COUNT_CACHE_SECONDS (30) at most."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = count_seconds()
        if (
            getattr(request, MARK, False)
            and seconds > 0
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            # Someone with a session (an editor) gets a private page from the page cache, as before.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
        return response
