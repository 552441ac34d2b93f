"""Helpers the tests of this folder share (the house rule: helpers only in conftest.py, factories.py, utils.py)."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

PROJECT = Path(__file__).resolve().parents[2]


# The test process's own relaxations must not leak into a production check.
TEST_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "a-long-random-secret-key-used-only-to-check-the-deploy-settings-0123456789",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "WAGTAILADMIN_BASE_URL": "https://network.example.org",
}


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def settings_with_redis(url):
    """The cache settings website/settings/base.py makes of REDIS_URL=url, read in a fresh interpreter."""
    names = ["CACHES", "DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS", "PAGE_CACHE_ENABLED", "RATELIMIT_FAIL_OPEN"]
    code = f"import json, website.settings.base as s; print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    environment = {key: value for key, value in os.environ.items() if key not in TEST_ONLY | {"PAGE_CACHE"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**environment, "REDIS_URL": url},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def redis_reachable(url):
    host, port = url.split("//")[1].split("/")[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


# Words with one right spelling whatever their place in a label.
SPELLINGS = {
    word.lower(): word
    for word in ["URL", "URLs", "ID", "MPs", "MP", "UK", "BSL", "RSS", "SVG", "PDF", "NHS", "TUC", "ICS", "QR"]
}


WORD = re.compile(r"[A-Za-z]+")


def misspelt(label):
    """The words in `label` that are spelt other than their one right way."""
    return [word for word in WORD.findall(str(label)) if word.lower() in SPELLINGS and word != SPELLINGS[word.lower()]]


GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "editors.md").read_text()


def not_allowed(response):
    # Wagtail answers a missing permission with a redirect to the dashboard and a message, or a 403.
    return response.status_code == 403 or (response.status_code == 302 and "/login/" not in response["Location"])


def campaign_form(title, action="action-submit"):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "listing_summary": "Why it matters.",
            "hero_image": "",
            "hashtag": "",
            "status": "active",
            "topics": "",
            "demands": streamfield([("demand", "Let the members decide.")]),
            "body": streamfield([]),
            "backers": inline_formset([]),
            "comments": inline_formset([]),
            action: action,
        }
    )
