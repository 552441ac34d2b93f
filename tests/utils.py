"""Assertions every app's tests share: query budgets and the public pages' CSP discipline; requests as gunicorn
makes them."""

import hashlib
import importlib.metadata
import os
import re
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import PIL
import psycopg
import wagtail
import willow.image
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.core.management.commands import flush as flush_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, connections, transaction
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image, features
from psycopg import sql
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.models import Filter


def count_queries(client, url, warm=True):
    """SQL queries for one request to `url`, after a first request has warmed per-process caches (warm=False: a
    request to it was measured already, and the caches it warmed are still warm)."""
    if warm:
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


def our_models():
    return ours(apps.get_models())


def nested_blocks(block, path):
    """(where, block) for `block` and every block inside it, however deep."""
    yield path, block
    for name, child in (getattr(block, "child_blocks", None) or {}).items():
        yield from nested_blocks(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from nested_blocks(block.child_block, f"{path}.item")


def editor_fields_and_blocks():
    """(where, model, field or block) for every field of our models an editor may edit, and every block of each
    StreamField among them."""
    for model in our_models():
        for field in model._meta.get_fields():
            if not (getattr(field, "editable", False) and not field.auto_created and hasattr(field, "verbose_name")):
                continue
            yield f"{model.__name__}.{field.name}", model, field
            if isinstance(field, StreamField):
                for name, child in field.stream_block.child_blocks.items():
                    for where, block in nested_blocks(child, f"{model.__name__}.{field.name}.{name}"):
                        yield where, model, block


class DatabaseSnapshot:
    """Every table's rows, taken once and put back in a fraction of a second: how transactional tests (a live
    server's) get the demo site without loading it again (seconds each).

    A copy is only put back over the state it was taken from: the row count of every table just before the demo was
    loaded (a flushed database, normally) is its key, so a test that made rows of its own first loads the demo
    itself. SQLite copies the whole file with its backup API; PostgreSQL empties every table and COPYs the rows
    back, with the sequences where they were.
    """

    def __init__(self):
        self.copies = {}  # {row counts before: the copy}

    @staticmethod
    def tables():
        return sorted(connection.introspection.table_names(include_views=False))

    def row_counts(self):
        tables = self.tables()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                # Full-text search keeps its own tables, whose rows grow and shrink with its history, not its
                # content: they are not the state a copy belongs to.
                cursor.execute("SELECT name FROM pragma_table_list WHERE type = 'shadow'")
                shadows = {name for (name,) in cursor.fetchall()}
            tables = [table for table in tables if table not in shadows]
        return row_counts(tables)

    def load(self, build):
        """Runs build() into the database, or puts back what it made before over the same starting state."""
        before = self.row_counts()
        if before in self.copies:
            self.restore(self.copies[before], [table for table, count in before if count])
            return
        build()
        self.copies[before] = self.take()

    def take(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            return copy
        quote = connection.ops.quote_name
        rows = {}
        with connection.cursor() as cursor:
            for table in self.tables():
                data = bytearray()
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    for block in copy:
                        data += block
                if data:
                    rows[table] = bytes(data)
            cursor.execute("SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences")
            sequences = cursor.fetchall()
        return rows, sequences

    def restore(self, copy, holding_rows):
        """Puts `copy` back over the database, whose tables `holding_rows` are the ones with rows now."""
        if connection.vendor == "sqlite":
            copy.backup(connection.connection)
        else:
            rows, sequences = copy
            quote = connection.ops.quote_name
            with transaction.atomic(), connection.cursor() as cursor:
                # Django's foreign keys are deferred to the commit, so the tables can fill in any order.
                for statement in emptying_sql(holding_rows):
                    cursor.execute(statement)
                for table, data in rows.items():
                    with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as stream:
                        stream.write(data)
                for name, last_value in sequences:
                    # A sequence never used has no last value: it starts again at its first.
                    cursor.execute("SELECT setval(%s, %s, %s)", [name, last_value or 1, last_value is not None])
        # What was cached about the rows just replaced (content type ids, Wagtail's site root paths) is stale.
        ContentType.objects.clear_cache()
        for each in caches.all():
            each.clear()


# Where a process of its own (manage.py in a test's site instance) finds the memo below, and the first lines of a
# `shell -c` script there that renders pictures: renditions this run has made already are not made again.
RENDITION_MEMO_FOLDER = "TEST_RENDITION_MEMO_FOLDER"
USE_RENDITION_MEMO = f"""
import os
from tests.utils import RenditionMemo
RenditionMemo(os.environ["{RENDITION_MEMO_FOLDER}"]).install()
"""


class RenditionMemo:
    """Every rendition the suite makes, encoded once per run rather than once per test that shows the picture.

    A test's rolled-back transaction takes its renditions with it, so each test showing the demo's posters made
    them again, AVIF and WebP at every width: about a minute of a run's work. Wagtail's Filter.run is what turns
    an image file into a rendition's bytes; wrapped, it keeps those bytes in `folder` under a hash of all that
    decides them (the source file's bytes, the filter, the focal point it uses, the encoding settings), and hands
    them back when the same rendition is asked for again, by any test process of the run. The first time each is
    made by Wagtail and Pillow as in production; a file that fails to encode is never kept, so it fails each time.
    """

    SETTINGS = (
        "WAGTAILIMAGES_FORMAT_CONVERSIONS",
        "WAGTAILIMAGES_JPEG_QUALITY",
        "WAGTAILIMAGES_WEBP_QUALITY",
        "WAGTAILIMAGES_AVIF_QUALITY",
        "WAGTAILIMAGES_HEIC_QUALITY",
    )
    # A folder kept past an upgrade must not hand back what older encoders made.
    VERSIONS = (PIL.__version__, features.version("avif"), wagtail.__version__, importlib.metadata.version("willow"))

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.made = self.reused = self.calls = 0
        self.original = None

    def key(self, filter, image, source):
        if source is not None:
            source.seek(0)
            data = source.read()
            source.seek(0)
        else:
            with image.open_file() as file:
                data = file.read()
        # The speed Pillow's AVIF encoder is wrapped to now (website/images.py), None for Pillow's own.
        avif_speed = getattr(Image.SAVE.get("AVIF"), "speed", None)
        parts = [filter.spec, filter.get_cache_key(image), avif_speed, self.VERSIONS]
        parts += [repr(getattr(settings, name, None)) for name in self.SETTINGS]
        digest = hashlib.sha256(data)
        digest.update(repr(parts).encode())
        return digest.hexdigest()

    def install(self):
        memo = self
        original = self.original = Filter.run

        def run(filter, image, output, source=None):
            memo.calls += 1
            key = memo.key(filter, image, source)
            kept = memo.folder / key
            if kept.exists():
                memo.reused += 1
                # The willow class of the file made (AvifImageFile...), a line, then its bytes.
                kind, payload = kept.read_bytes().split(b"\n", 1)
                output.write(payload)
                return getattr(willow.image, kind.decode())(output)
            made = original(filter, image, output, source=source)
            memo.made += 1
            position = output.tell()
            output.seek(0)
            # Written whole, then renamed: another process may be reading it.
            part = memo.folder / f"{key}.{os.getpid()}.{threading.get_ident()}.part"
            part.write_bytes(type(made).__name__.encode() + b"\n" + output.read())
            part.replace(kept)
            output.seek(position)
            return made

        run.original = original
        Filter.run = run

    def uninstall(self):
        if self.original is not None:
            Filter.run, self.original = self.original, None


class MigratedCopy:
    """A copy of a test process's database as its migrations left it, before any test ran: what tests that start
    another site instance or database server copy, instead of migrating one more database themselves (a quarter
    of a minute each). SQLite: a file; PostgreSQL: a database on the same server, named after the test database.
    """

    def __init__(self, folder):
        self.folder = Path(folder)
        self.location = None  # the file, or the copy's URL

    def take(self):
        name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            self.location = str(self.folder / "migrated.sqlite3")
            copy = sqlite3.connect(self.location)
            connection.connection.backup(copy)
            copy.close()
        else:
            # A database is copied whole by the server, but only while nobody is connected to it.
            connections.close_all()
            copy_name = f"{name}_migrated"
            with self._server() as server:
                server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(copy_name)))
                server.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(copy_name), sql.Identifier(name))
                )
            self.location = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{copy_name}"))
        return self.location

    def drop(self):
        if self.location and connection.vendor != "sqlite":
            with self._server() as server:
                copy_name = urlsplit(self.location).path.lstrip("/")
                server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(copy_name)))
        self.location = None

    @staticmethod
    def _server():
        return psycopg.connect(
            urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres")), autocommit=True
        )


def row_counts(tables, using=connection):
    """((table, its rows), ...) for `tables`, sorted, in one query."""
    if not tables:
        return ()
    quote = using.ops.quote_name
    with using.cursor() as cursor:
        # The names are the database's own tables, quoted.
        cursor.execute(" UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {quote(t)}" for t in tables))  # noqa: S608
        return tuple(sorted(cursor.fetchall()))


def tables_with_rows(tables, using=connection):
    return [table for table, count in row_counts(tables, using) if count]


def emptying_sql(holding_rows, using=connection):
    """SQL that empties the tables `holding_rows` on PostgreSQL, with DELETE. TRUNCATE, which Django's flush uses,
    costs about 0.4 s for this site's 93 tables however few rows they hold; a live-server test is flushed after it
    and its demo copy put back before the next. Django makes every foreign key deferrable, so the rows may go in any
    order within the transaction."""
    quote = using.ops.quote_name
    deletes = [f"DELETE FROM {quote(table)}" for table in holding_rows]  # noqa: S608 - the database's tables, quoted
    return ["SET CONSTRAINTS ALL DEFERRED", *deletes]


class QuickFlush:
    """Django's flush (after each transactional test) emptying only the tables that hold rows, on PostgreSQL
    (emptying_sql). A flush that resets sequences, or one of only some apps' tables (allow_cascade: rows elsewhere
    may point at them), is left as Django makes it."""

    original = None

    @classmethod
    def install(cls):
        original = cls.original = flush_command.sql_flush

        def sql_flush(style, using, reset_sequences=True, allow_cascade=False):
            if using.vendor != "postgresql" or reset_sequences or allow_cascade:
                return original(style, using, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
            tables = using.introspection.django_table_names(only_existing=True, include_views=False)
            return emptying_sql(tables_with_rows(tables, using), using)

        sql_flush.original = original
        flush_command.sql_flush = sql_flush

    @classmethod
    def uninstall(cls):
        if cls.original is not None:
            flush_command.sql_flush, cls.original = cls.original, None
