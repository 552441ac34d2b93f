"""Without Redis, for real: two gunicorn processes on one PostgreSQL database, each keeping pages in its own memory
under the content generation in the database. An edit published in a third process (as `publish_scheduled` would)
is what both serve next. Needs PostgreSQL (DATABASE_URL): SQLite cannot be one database for two servers."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection
from django.test import override_settings

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=20) as response:  # noqa: S310 - the loopback
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
def two_servers_without_redis(home_page):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite cannot be one database for two servers (set DATABASE_URL)")
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="website.settings.test",
        DATABASE_URL=database_url(),
        PAGE_CACHE="true",
        FRAGMENT_CACHE="true",
        CONTENT_GENERATION_STORE="database",
    )
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    servers = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(  # noqa: S603 - our own server
            [gunicorn, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"],
            env=environment,
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
                time.sleep(0.2)  # waiting for a server to start, not for the behaviour under test
        # This process publishes as a third one would: it starts a new generation in the same table.
        with override_settings(CONTENT_GENERATION_STORE="database", PAGE_CACHE_ENABLED=True):
            yield [base for _, base in servers]
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=30)


def test_an_edit_published_elsewhere_retires_the_page_each_process_kept(home_page, two_servers_without_redis):
    page = StandardPageFactory(parent=home_page, title="Before the edit", slug="shared")
    for server in two_servers_without_redis:
        assert fetch(server, "/shared/")[:2] == (200, "miss")
        status, state, html = fetch(server, "/shared/")
        assert (status, state) == (200, "hit") and "Before the edit" in html

    page.title = "After the edit"
    page.save_revision().publish()

    for server in reversed(two_servers_without_redis):
        status, state, html = fetch(server, "/shared/")
        assert (status, state) == (200, "miss"), server
        assert "After the edit" in html and "Before the edit" not in html
        assert fetch(server, "/shared/")[1] == "hit"
