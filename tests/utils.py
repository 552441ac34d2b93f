"""Assertions every app's tests share: query budgets and the public pages' CSP discipline; requests as gunicorn
makes them."""

import re
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """SQL queries for one request to `url`, after a first request has warmed per-process caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(context.captured_queries)


def assert_flat_query_budget(client, url, add_items, budget, sizes=(10, 200)):
    """A page costs at most `budget` queries, and the same number however much content there is.

    `add_items(n)` adds n more of whatever the page lists; the page is measured at each size.
    """
    measured = {}
    total = 0
    for size in sizes:
        add_items(size - total)
        total = size
        measured[size] = count_queries(client, url)
    assert max(measured.values()) <= budget, f"{url} over its budget of {budget} queries: {measured}"
    assert len(set(measured.values())) == 1, f"{url} makes more queries as content grows: {measured}"


# What a strict Content-Security-Policy (no 'unsafe-inline') would block.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def assert_no_inline_code(html):
    for name, pattern in (("script", INLINE_SCRIPT), ("style", INLINE_STYLE), ("event handler", EVENT_HANDLER)):
        match = pattern.search(html)
        assert match is None, f"inline {name} a strict CSP would block: {html[match.start() : match.start() + 120]}"


def wsgi_get(application, path="/", **headers):
    """A GET to a WSGI application as gunicorn makes it: (status, headers, body). As Django's test client does,
    the test's database connection is kept open past the request's end."""
    started = {}

    def start_response(status, response_headers):
        started.update(status=status, headers=dict(response_headers))

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application(RequestFactory().get(path, **headers).environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], body


@contextmanager
def caching(**cache_settings):
    """The cache switched as `cache_settings` say, empty before and after: no test reads what another kept."""
    with override_settings(**cache_settings):
        cache.clear()
        yield
        cache.clear()


def ours(models):
    """The models of the project's own apps (whichever apps there are now), not Wagtail's or Django's."""
    return [model for model in models if Path(model._meta.app_config.path).parent == settings.BASE_DIR]
