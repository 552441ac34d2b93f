"""The fragment cache: what every page repeats (a section's HTML, the navigation, the site and its settings), kept in
each process's own memory (the `fragments` cache) under the content generation (website/generation.py).

The generation in every key keeps a fragment from outliving the content it shows, in every process, so reading one
costs no round trip and no query. On when FRAGMENT_CACHE_ENABLED; with it off everything is computed afresh.

Templates use it through `{% include_stream %}` (a StreamField's blocks, the CachedBlockMixin ones kept) and
`{% cachedfragment %}` (website/templatetags/page_cache.py).
"""

import json

from django.conf import settings
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.models import Site

from website.generation import UNKNOWN, cache_key, request_generation

# Fragments change only with content, which starts a new generation; the timeout only bounds what is kept.
FRAGMENT_SECONDS = 60 * 60


def cached_value(request, parts, compute, seconds=FRAGMENT_SECONDS):
    """What `compute()` returns (a list of links, the site), kept for this site under `parts` (what it varies by)
    until content changes, or for `seconds` at most."""
    # A preview shows a draft: nothing of it is kept (as Wagtail's {% wagtailcache %} does).
    if not settings.FRAGMENT_CACHE_ENABLED or getattr(request, "is_preview", False):
        return compute()
    generation = request_generation(request)
    if generation is None:
        return compute()
    key = cache_key("value", generation, request.get_host(), *parts)
    value = caches["fragments"].get(key, UNKNOWN)
    if value is UNKNOWN:
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

    def live_parts(self, request, raw_value):
        """What the block's HTML also turns on that no edit announces (a live count): read on every render, a
        cheap read, and part of the fragment's key. Nothing by default."""
        return []


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
            parts = [type(block).__name__, raw.get("id") or "", value_json, *block.live_parts(request, raw["value"])]
            html.append(cached_fragment(request, parts, render, block.fragment_seconds))
        else:
            html.append(render())
    return mark_safe("".join(html))  # noqa: S308 - each part escaped or rendered by this site's templates


def find_site(request):
    """Wagtail's answer to which site a request is for, which every page asks for first: from the fragment cache,
    as it changes only with content (a site saved, a root page republished)."""
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
