"""Redis as the cache every process shares: the site keeps working while it is down, and one edit reaches all."""

import uuid
from unittest import mock

import pytest
import redis
from django.core.cache import CacheHandler, cache
from django.core.wsgi import get_wsgi_application
from django.test import override_settings

from signup.demo import sign_up_page
from signup.models import Supporter
from tests.factories import StandardPageFactory
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.utils import wsgi_get
from tests.website.utils import REDIS_URL, redis_reachable, settings_with_redis
from website.generation import GENERATION_KEY, current_generation
from website.page_cache import KeptPageFront

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:6390/0"


def test_replies_are_read_by_hiredis():
    # A kept page is one reply from Redis: its C reader, not redis-py's own in Python (requirements.txt).
    assert redis.utils.HIREDIS_AVAILABLE


def test_with_redis_url_every_process_shares_redis_and_ignores_its_outages():
    settings = settings_with_redis(REDIS_URL)
    default = settings["CACHES"]["default"]
    assert default["BACKEND"] == "django_redis.cache.RedisCache"
    assert default["LOCATION"] == REDIS_URL
    assert default["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    # Only a shared cache makes one edit reach every process, so the page cache comes with it.
    assert settings["PAGE_CACHE_ENABLED"] is True
    assert settings["RATELIMIT_FAIL_OPEN"] is True


@pytest.fixture
def redis_down():
    settings = settings_with_redis(CLOSED_PORT)
    with override_settings(**settings):
        yield


def test_while_redis_is_down_the_site_serves_pages_uncached(client, home_page, redis_down):
    index = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=index, title="Still readable")
    for url in ("/", index.url, item.url, "/search/?q=readable"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response
    assert "Still readable" in client.get("/search/?q=readable").content.decode()


def test_while_redis_is_down_people_can_still_sign_up(client, home_page, redis_down):
    page = sign_up_page(home_page, lambda message: None)
    for number in range(3):
        response = client.post(
            page.url,
            {
                "name": "Rosa Parks",
                "email": f"rosa{number}@example.org",
                "postcode": "L1 8JQ",
                "data_consent": "on",
                "consent_version": page.consent_version,
                "nickname": "",
            },
        )
        # No count can be kept: the form stays open (the honeypot still stands) rather than refuse everyone.
        assert response.status_code == 302, response.content.decode()[:500]
    assert Supporter.objects.count() == 3


@pytest.fixture
def shared_redis():
    if not redis_reachable(REDIS_URL):
        pytest.skip(f"needs Redis at {REDIS_URL} (TEST_REDIS_URL)")
    settings = settings_with_redis(REDIS_URL)
    # A prefix of this test's own: nothing else in that Redis database is read or removed.
    settings["CACHES"]["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    with override_settings(**settings):
        yield
        cache.delete_pattern("*")


def redis_commands():
    """Every command sent to Redis, watched on its way."""
    return mock.patch.object(redis.Redis, "execute_command", autospec=True, side_effect=redis.Redis.execute_command)


def test_a_kept_page_costs_one_round_trip_to_redis(client, home_page, shared_redis):
    with override_settings(FRAGMENT_CACHE_ENABLED=True):
        client.get("/")
        with redis_commands() as commands:
            assert client.get("/")["X-Page-Cache"] == "hit"
    # The content generation and the page, read together.
    assert [call.args[1] for call in commands.call_args_list] == ["MGET"]


def test_through_the_wsgi_front_a_page_not_kept_yet_still_costs_one_read_of_the_generation(home_page, shared_redis):
    front = KeptPageFront(get_wsgi_application())
    current_generation()
    with override_settings(FRAGMENT_CACHE_ENABLED=True), redis_commands() as commands:
        status, headers, _ = wsgi_get(front)
    assert status == "200 OK" and headers["X-Page-Cache"] == "miss"
    reads = [call.args[1:] for call in commands.call_args_list if any(GENERATION_KEY in str(arg) for arg in call.args)]
    # Read by the front, with the page it did not find; Django renders and keeps under what it read.
    assert [read[0] for read in reads] == ["MGET"]


def test_a_page_kept_by_one_process_is_seen_by_another_and_an_edit_clears_it_for_both(
    client, home_page, shared_redis, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Shared page")
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    # Another process: its own connection to the same Redis.
    other = CacheHandler()["default"]
    generation = other.get(GENERATION_KEY)
    assert generation is not None
    assert len(other.keys("page:*")) == 1
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    page.title = "Edited page"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert other.get(GENERATION_KEY) != generation
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss" and "Edited page" in response.content.decode()
