"""Separate site instances for the backup and restore tests: each its own database, media folders and bucket,
driven through manage.py in processes of their own."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from tests.utils import RENDITION_MEMO_FOLDER

PROJECT = Path(__file__).resolve().parents[3]
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


class Databases:
    """Where instances keep their data: SQLite files in their folders, or databases on the PostgreSQL server
    under test (DATABASE_URL), named after its database."""

    def __init__(self):
        self.base = os.environ.get("DATABASE_URL")
        self.made = []

    def server(self):
        return urlunsplit(urlsplit(self.base)._replace(path="/postgres"))

    def url(self, name, folder):
        if not self.base:
            return f"sqlite:///{folder / 'db.sqlite3'}"
        parts = urlsplit(self.base)
        return urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/')}_{WORKER}{name}_{len(self.made)}"))

    def create(self, name, folder, template=None):
        """An empty database for `name` (or a copy of `template`'s); returns its URL."""
        url = self.url(name, folder)
        if not self.base:
            folder.mkdir(parents=True, exist_ok=True)
            if template:
                shutil.copyfile(template, folder / "db.sqlite3")
            return url
        database = urlsplit(url).path.lstrip("/")
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database))
        if template:
            create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(urlsplit(template).path.lstrip("/")))
        with psycopg.connect(self.server(), autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
            connection.execute(create)
        self.made.append(database)
        return url

    def template_of(self, url):
        """What create() copies for a database at `url`: its file, or its name on the server."""
        return url if self.base else url.removeprefix("sqlite:///")

    def drop_all(self):
        if self.made:
            with psycopg.connect(self.server(), autocommit=True) as connection:
                for database in self.made:
                    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
                    connection.execute(drop)


def manage_in(env, folder):
    """manage(*args, umask=None) in a process of its own with `env`; fails with its errors unless it succeeds.
    manage.run(*args) gives the finished process whatever it returned."""

    def run(*args, umask=None):
        return subprocess.run(  # noqa: S603 - this interpreter and manage.py
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            umask=-1 if umask is None else umask,
        )

    def manage(*args, umask=None):
        result = run(*args, umask=umask)
        assert result.returncode == 0, result.stderr[-5000:]
        return result.stdout

    manage.folder = folder
    manage.run = run
    return manage


def instance_env(folder, database_url, settings_module):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private-media"),
        STUB_BUCKET=str(folder / "bucket"),
    )
    return env


@pytest.fixture(scope="session")
def instance_databases():
    databases = Databases()
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def migrated_database(instance_databases, migrated_copy, tmp_path_factory):
    """A migrated database for instances to start from as a copy: the test process's own as it was migrated, or
    else one migrated here (a quarter of a minute). The tests that make instances carry the mark
    xdist_group("site-instances"), so that one process makes it for all of them."""
    if migrated_copy:
        return migrated_copy
    folder = tmp_path_factory.mktemp("migrated-template")
    url = instance_databases.create("migrated_template", folder)
    manage_in(instance_env(folder, url, "website.settings.dev"), folder)("migrate", "--noinput")
    return instance_databases.template_of(url)


@pytest.fixture(scope="session")
def site_instances(instance_databases, migrated_database, rendition_memo, tmp_path_factory):
    """site_instances(name, settings_module=..., migrated=True): a separate site instance's manage(). Migrated, it
    starts as a copy of one migrated database, as after `manage.py migrate`; otherwise its database is empty, as on a
    new server. A script run in it with `shell -c` may start with USE_RENDITION_MEMO to share the suite's
    renditions (tests/utils.py)."""

    def instance(name, settings_module="website.settings.dev", migrated=True):
        folder = tmp_path_factory.mktemp(name)
        url = instance_databases.create(name, folder, template=migrated_database if migrated else None)
        env = instance_env(folder, url, settings_module)
        env[RENDITION_MEMO_FOLDER] = str(rendition_memo.folder)
        return manage_in(env, folder)

    return instance
