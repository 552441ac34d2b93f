"""The content generation: one value every app process reads, changed by any edit a visitor could see.

Everything the caches keep (whole pages, fragments) is filed under the generation current when it was made, so a new
generation retires all of it at once, in every process: blunt, but never stale, and nothing has to know which page
shows what. The generation lives where every process can read it cheaply (CONTENT_GENERATION_STORE):

- "cache": in the default cache, when that is Redis and shared (REDIS_URL). A kept page and the generation are then
  read in one round trip (website/page_cache.py).
- "database": in a one-row table (website.models.ContentGeneration), the default without Redis. Each process keeps
  its fragments and pages in its own memory, and reads the generation once per request: an indexed one-row read,
  so that a publish in one process retires what every other process kept on their next request.

website/purge.py starts a new generation when a change commits.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError

GENERATION_KEY = "content-generation"
# The one row of the database store.
ROW = 1
UNKNOWN = object()


def caching():
    """Whether anything is kept under the content generation: fragments, whole pages or both."""
    return settings.FRAGMENT_CACHE_ENABLED or settings.PAGE_CACHE_ENABLED


def in_shared_cache():
    """Whether the generation is read from the default cache (and so may be read with a kept page in one trip)."""
    return settings.CONTENT_GENERATION_STORE == "cache"


def _row():
    # By name: website/models.py imports the fragment cache, which reads this module.
    return apps.get_model("website", "ContentGeneration").objects.filter(pk=ROW)


def _from_database():
    try:
        generation = _row().values_list("value", flat=True).first()
        if generation is None:
            _row().model.objects.create(pk=ROW, value=time.time_ns())
            generation = _row().values_list("value", flat=True).first()
    except IntegrityError:
        # Another process made the row first.
        generation = _row().values_list("value", flat=True).first()
    except DatabaseError:
        # No table yet (before `migrate`) or no database: nothing is cached, and the view says the rest.
        return None
    return generation


def _from_cache():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First use, or evicted: a clock reading differs from every generation before it.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_generation():
    """The content generation, or None when it cannot be read (then nothing is cached)."""
    return _from_cache() if in_shared_cache() else _from_database()


def start_new_generation():
    """A generation no process has filed anything under: a clock reading, which never repeats an earlier one (a
    counter would, after a database is restored, and meet fragments a long-running process kept)."""
    generation = time.time_ns()
    if in_shared_cache():
        cache.set(GENERATION_KEY, generation, timeout=None)
        return
    try:
        if not _row().update(value=generation):
            _row().model.objects.create(pk=ROW, value=generation)
    except IntegrityError:
        _row().update(value=generation)
    except DatabaseError:
        pass  # no table yet: nothing has been kept under any generation either


def request_generation(request):
    """The generation this request reads and files under: read once, so one request never mixes two."""
    if request is None or not caching():
        return None
    generation = getattr(request, "_content_generation", UNKNOWN)
    if generation is UNKNOWN:
        generation = request._content_generation = current_generation()
    return generation


def cache_key(kind, generation, *parts):
    """A key for something of `kind` kept under `generation`, varying by `parts`."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"{kind}:{generation}:{digest}"
