"""Tests: SQLite in memory, or PostgreSQL when DATABASE_URL is set; nothing leaves the machine."""

import os
import tempfile

from website import config

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the test; tests/website/operations/test_worker.py queues them in the database for the
# real worker, which it starts with WORKER_TEST_SMTP_PORT: its mail goes to that test's SMTP sink on the loopback.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("WORKER_TEST_SMTP_PORT"):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["WORKER_TEST_SMTP_PORT"])
MEDIA_ROOT = tempfile.mkdtemp(prefix="website-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="website-test-private-media-")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, as in development: live-server tests write from many threads, which an in-memory database
    # can only do by refusing all but one ("database table is locked"). In TEST_DB_DIR when make test keeps it
    # from one step for the next.
    _test_db_dir = os.environ.get("TEST_DB_DIR") or tempfile.mkdtemp(prefix="website-test-db-")
    DATABASES["default"]["TEST"] = {"NAME": f"{_test_db_dir}/test.sqlite3"}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Lock-outs are tested on their own (tests/website/admin/test_admin_security.py); elsewhere tests log in freely.
AXES_ENABLED = False
# Tests search far faster than people; tests/security/test_rate_limits.py puts the real limit back.
SEARCH_RATE_LIMIT = "100000/m"
# Query budgets measure rendering, so pages are rebuilt each time; tests/website/caching/test_cache*.py turn the
# cache on, and PAGE_CACHE=true does for app processes a test starts.
PAGE_CACHE_ENABLED = config.flag("PAGE_CACHE", False)
FRAGMENT_CACHE_ENABLED = config.flag("FRAGMENT_CACHE", False)
# One test process is every process there is: the generation sits beside the kept pages, and a kept page costs no
# query. tests/website/caching/test_embedded_cache.py tries the database store, which production uses without Redis.
CONTENT_GENERATION_STORE = os.environ.get("CONTENT_GENERATION_STORE", "cache")
# The suite makes each rendition once per run (tests/utils.py's RenditionMemo): AVIF at its fastest (a sixth of the
# time), the same format.
AVIF_ENCODER_SPEED = 10
