"""Without Redis: each app process keeps pages and fragments in its own memory, under the content generation in the
database (website/generation.py), so that an edit published in one process retires what every other one kept.

Two processes are two sets of caches here (Django's local-memory caches are named, and each name is its own store),
sharing the one test database, as two gunicorn workers share PostgreSQL."""

from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory
from website.generation import current_generation, start_new_generation
from website.models import ContentGeneration, SiteSettings

pytestmark = pytest.mark.django_db

LOCAL = "django.core.cache.backends.locmem.LocMemCache"


def caches_of(process):
    """The production settings' caches without REDIS_URL, for one process: its own memory for everything."""
    return {
        "default": {"BACKEND": LOCAL, "LOCATION": f"{process}-default"},
        "fragments": {"BACKEND": LOCAL, "LOCATION": f"{process}-fragments"},
    }


@contextmanager
def in_process(process):
    with override_settings(CACHES=caches_of(process)):
        yield


@pytest.fixture(autouse=True)
def without_redis():
    with override_settings(
        CONTENT_GENERATION_STORE="database",
        PAGE_CACHE_ENABLED=True,
        FRAGMENT_CACHE_ENABLED=True,
        PAGE_CACHE_SECONDS=120,
    ):
        for process in ("one", "two"):
            with in_process(process):
                caches["default"].clear()
                caches["fragments"].clear()
        yield
        for process in ("one", "two"):
            with in_process(process):
                caches["default"].clear()
                caches["fragments"].clear()


def get(client, process, url):
    with in_process(process), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries.captured_queries)


def test_a_publish_in_one_process_retires_the_page_every_process_kept(
    client, home_page, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Before the edit", slug="notice")
    for process in ("one", "two"):
        assert get(client, process, page.url)[0]["X-Page-Cache"] == "miss"
        response, queries = get(client, process, page.url)
        assert response["X-Page-Cache"] == "hit"
        # A kept page costs one query: the generation's one row.
        assert queries == 1

    with in_process("one"), django_capture_on_commit_callbacks(execute=True):
        page.title = "After the edit"
        page.save_revision().publish()

    for process in ("two", "one"):
        response, _ = get(client, process, page.url)
        assert response["X-Page-Cache"] == "miss", process
        assert "After the edit" in response.content.decode()
        assert "Before the edit" not in response.content.decode()
        assert get(client, process, page.url)[0]["X-Page-Cache"] == "hit"


def test_fragments_kept_in_each_process_follow_an_edit_made_in_another(
    client, home_page, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(parent=home_page, title="About us")
    with override_settings(PAGE_CACHE_ENABLED=False):
        for process in ("one", "two"):
            get(client, process, about.url)
        _, with_fragments = get(client, "two", about.url)
        with override_settings(FRAGMENT_CACHE_ENABLED=False):
            _, without = get(client, "two", about.url)
        assert with_fragments < without

        settings = SiteSettings.for_site(home_page.get_site())
        settings.site_name = "Renamed Network"
        with in_process("one"), django_capture_on_commit_callbacks(execute=True):
            settings.save()

        for process in ("two", "one"):
            response, _ = get(client, process, about.url)
            assert "X-Page-Cache" not in response
            assert "Renamed Network" in response.content.decode(), process


def test_the_generation_is_one_row_and_never_repeats():
    ContentGeneration.objects.all().delete()
    first = current_generation()
    assert current_generation() == first
    start_new_generation()
    second = current_generation()
    assert second > first
    # A database restored to an empty table starts again from the clock, not from a number already used.
    ContentGeneration.objects.all().delete()
    assert current_generation() > second
    assert ContentGeneration.objects.count() == 1
