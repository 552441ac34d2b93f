"""Drops the PostgreSQL test databases `make test` keeps from its first step for its second: test_<name> and
test_<name>_gw<n> for the database in DATABASE_URL, and their copies as migrated (_migrated) if a process was
stopped before it dropped its own. Without DATABASE_URL (SQLite) there is nothing to drop: those
are files in a folder that make removes."""

import os
import re
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def main():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return
    parts = urlsplit(url)
    kept = re.compile(rf"test_{re.escape(parts.path.lstrip('/'))}(_gw\d+)?(_migrated)?")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        for (name,) in connection.execute("SELECT datname FROM pg_database").fetchall():
            if kept.fullmatch(name):
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


if __name__ == "__main__":
    main()
