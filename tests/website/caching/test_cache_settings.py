"""What the production settings make of the caching, purging and storage variables (no network: settings only)."""

import json
import os
import subprocess
import sys

from wagtail.contrib.frontend_cache.backends import HTTPBackend

from tests.website.utils import PRODUCTION, PROJECT, TEST_ONLY
from website.purge import PurgingProxy

NAMES = [
    "CACHES",
    "PAGE_CACHE_ENABLED",
    "FRAGMENT_CACHE_ENABLED",
    "CONTENT_GENERATION_STORE",
    "STORAGES",
    "CONTENT_SECURITY_POLICY",
    "WAGTAILDOCS_SERVE_METHOD",
]
OPTIONAL = {
    "REDIS_URL",
    "PAGE_CACHE",
    "FRAGMENT_CACHE",
    "CONTENT_GENERATION_STORE",
    "FRONTEND_CACHE_PURGE_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_S3_CUSTOM_DOMAIN",
}


def run_with_production_settings(code, **env):
    """What `code` prints under the production settings, with only these optional variables set."""
    unset = PRODUCTION.keys() | TEST_ONLY | OPTIONAL
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**environment, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def production_settings(**env):
    code = (
        "import json, website.settings.production as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {[*NAMES, 'WAGTAILFRONTENDCACHE']!r}}}))"
    )
    return json.loads(run_with_production_settings(code, **env))


def test_without_the_variables_media_stays_on_disk_and_the_cache_in_each_process():
    settings = production_settings()
    assert settings["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    # Each process keeps its own pages and fragments, under the generation in the database every process reads, so
    # that another process's edit retires them (tests/website/caching/test_embedded_cache.py).
    assert settings["PAGE_CACHE_ENABLED"] is True
    assert settings["FRAGMENT_CACHE_ENABLED"] is True
    assert settings["CONTENT_GENERATION_STORE"] == "database"
    assert settings["WAGTAILFRONTENDCACHE"] is None


def test_redis_url_shares_the_cache_and_turns_the_page_cache_on():
    settings = production_settings(REDIS_URL="redis://cache.internal:6379/1")
    assert settings["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert settings["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert settings["CACHES"]["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert settings["PAGE_CACHE_ENABLED"] is True
    assert settings["FRAGMENT_CACHE_ENABLED"] is True
    assert settings["CONTENT_GENERATION_STORE"] == "cache"


def test_frontend_cache_purge_url_configures_wagtails_http_purger():
    settings = production_settings(FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")
    # Wagtail's HTTPBackend, which can also BAN a whole host for edits every page shows.
    assert settings["WAGTAILFRONTENDCACHE"] == {
        "proxy": {"BACKEND": "website.purge.PurgingProxy", "LOCATION": "http://127.0.0.1:6081"}
    }
    assert issubclass(PurgingProxy, HTTPBackend)


def test_a_bucket_puts_media_on_s3_compatible_storage():
    settings = production_settings(
        AWS_STORAGE_BUCKET_NAME="network-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_S3_REGION_NAME="uk-lon-1",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="not-a-real-secret",  # noqa: S106
    )
    storage = settings["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "network-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://objects.example.net"
    assert storage["OPTIONS"]["region_name"] == "uk-lon-1"
    assert storage["OPTIONS"]["access_key"] == "key-id"
    # Lasting addresses (signed ones would expire inside cached pages), and no upload ever overwrites another.
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert storage["OPTIONS"]["file_overwrite"] is False
    # Static files stay with WhiteNoise; documents go through Django so private collections stay private.
    assert settings["STORAGES"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert settings["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    # The strict policy lets pages show images from the bucket, and nothing else new.
    assert settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
        "https://objects.example.net",
    ]


def test_a_custom_domain_is_where_images_are_served_from():
    settings = production_settings(AWS_STORAGE_BUCKET_NAME="network-media", AWS_S3_CUSTOM_DOMAIN="media.example.org")
    assert settings["STORAGES"]["default"]["OPTIONS"]["custom_domain"] == "media.example.org"
    assert "https://media.example.org" in settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


def test_the_s3_storage_builds_plain_addresses_without_the_network():
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import default_storage; print(default_storage.url('images/logo.png'))"
    )
    url = run_with_production_settings(
        code,
        AWS_STORAGE_BUCKET_NAME="network-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="not-a-real-secret",  # noqa: S106
    )
    assert url == "https://objects.example.net/network-media/images/logo.png"
