"""Two app processes behind one address share PostgreSQL and Redis: a page one keeps, the other serves, and an edit
published anywhere is what both show next. Needs PostgreSQL (DATABASE_URL) and Redis (TEST_REDIS_URL)."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from wagtail.models import Site

from tests.factories import StandardPageFactory
from tests.reliability.utils import free_port
from tests.website.utils import REDIS_URL, redis_reachable, settings_with_redis
from website.generation import GENERATION_KEY

pytestmark = pytest.mark.django_db(transaction=True)
# Behind a load balancer both processes see the public host name, so they file pages under the same keys.
HOST = "network.test"


def fetch(base, path):
    request = urllib.request.Request(base + path, headers={"Host": HOST})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, response.headers.get("X-Page-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, None, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None, None, ""


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def shared_services():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite cannot be one database for two servers (set DATABASE_URL)")
    if not redis_reachable(REDIS_URL):
        pytest.skip(f"needs Redis at {REDIS_URL} (TEST_REDIS_URL)")
    with override_settings(**settings_with_redis(REDIS_URL)):
        # Wagtail keeps the sites' root paths in the shared cache too: an earlier run's would name other pages.
        Site.clear_site_root_paths_cache()
        yield
        cache.delete_pattern("page:*")
        cache.delete(GENERATION_KEY)
        Site.clear_site_root_paths_cache()


@pytest.fixture
def two_app_servers(shared_services, home_page):
    """Two gunicorn processes on the test database and the shared Redis, with the page cache on."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "true",
        "FRAGMENT_CACHE": "true",
    }
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    servers = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(  # noqa: S603
            [gunicorn, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        servers.append((process, f"http://127.0.0.1:{port}"))
    try:
        deadline = time.monotonic() + 90
        for process, base in servers:
            while fetch(base, "/")[0] != 200:
                assert process.poll() is None, "an app server stopped"
                assert time.monotonic() < deadline, "an app server did not start"
                time.sleep(0.2)
        yield [base for _, base in servers]
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=30)


def test_an_edit_published_while_one_process_keeps_a_page_is_what_the_other_serves_next(home_page, two_app_servers):
    first, second = two_app_servers
    page = StandardPageFactory(parent=home_page, title="Before the edit", slug="shared")
    cache.delete(GENERATION_KEY)

    status, state, html = fetch(first, "/shared/")
    assert (status, state) == (200, "miss") and "Before the edit" in html
    # The other process finds it in Redis.
    status, state, html = fetch(second, "/shared/")
    assert (status, state) == (200, "hit") and "Before the edit" in html

    # An editor publishes: here, in a third process, as `publish_scheduled` would.
    page.title = "After the edit"
    page.save_revision().publish()

    for server in (second, first):
        status, state, html = fetch(server, "/shared/")
        assert status == 200 and "After the edit" in html and "Before the edit" not in html, server
    assert fetch(first, "/shared/")[1] == "hit"
