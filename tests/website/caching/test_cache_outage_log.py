"""Redis going away is news for the log once, and its return once: not a traceback for every request between."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.test import override_settings

from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.website.utils import settings_with_redis

pytestmark = pytest.mark.django_db


def free_port():
    """A port nothing listens on (a closed port, until a test starts Redis there)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def closed_port_redis():
    """The settings REDIS_URL makes, pointed at a closed port, with the page and fragment caches on."""
    port = free_port()
    settings = settings_with_redis(f"redis://127.0.0.1:{port}/0")
    with override_settings(**{**settings, "PAGE_CACHE_ENABLED": True, "FRAGMENT_CACHE_ENABLED": True}):
        yield port


def visit(client, urls, times):
    for _ in range(times):
        for url in urls:
            assert client.get(url).status_code == 200, url


def site_pages(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=index, title="Still readable")
    return ["/", index.url, item.url, "/search/?q=readable"]


def test_a_cache_that_is_down_is_one_warning_not_a_traceback_a_request(client, home_page, closed_port_redis, caplog):
    urls = site_pages(home_page)
    with caplog.at_level(logging.WARNING):
        visit(client, urls, times=10)
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(records) == 1, [record.getMessage()[:200] for record in records]
    (record,) = records
    assert record.exc_info is None, "a warning, not a traceback"
    assert "cannot be reached" in record.getMessage()
    assert f"127.0.0.1:{closed_port_redis}" in record.getMessage()


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server to bring the cache back")
def test_the_cache_coming_back_is_one_more_warning(client, home_page, closed_port_redis, caplog, tmp_path):
    urls = site_pages(home_page)
    with caplog.at_level(logging.WARNING):
        visit(client, urls, times=3)
        server = subprocess.Popen(  # noqa: S603 - a fixed command line
            [shutil.which("redis-server"), "--port", str(closed_port_redis), "--bind", "127.0.0.1", "--save", ""]
            + ["--dir", str(tmp_path)],
            stdout=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", closed_port_redis), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.05)
            visit(client, urls, times=3)
            messages = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
            assert len(messages) == 2, messages
            assert "cannot be reached" in messages[0] and "is back" in messages[1]
            # Down again: one more warning, and only one.
            server.terminate()
            server.wait(timeout=10)
            visit(client, urls, times=3)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait(timeout=10)
    messages = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(messages) == 3, messages
    assert "cannot be reached" in messages[2]
