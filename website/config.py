"""Reading settings from the environment, with one-line errors for bad configuration.

manage.py and wsgi.py catch ConfigurationError and print its message instead of a traceback,
so an operator sees what to set rather than where Python was when it noticed.
"""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


class ConfigurationError(ImproperlyConfigured):
    """A setting the operator must fix; its message says what to set."""


def required(name, hint):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ConfigurationError(f"{name} is not set: {hint}")
    return value


def flag(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name}={value!r} is not a yes/no value: set it to true or false.")


def listing(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def database(url, conn_max_age=0):
    """Django's DATABASES entry for a DATABASE_URL, or a ConfigurationError saying what is wrong."""
    example = "postgres://USER:PASSWORD@HOST:5432/NAME"
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except ValueError:
        raise ConfigurationError(f"DATABASE_URL is malformed: set it like {example}.") from None
    if urlsplit(url).scheme.startswith("postgres") and not config.get("NAME"):
        raise ConfigurationError(f"DATABASE_URL names no database: set it like {example}.")
    if config["ENGINE"].endswith("sqlite3"):
        # Writers queue for the lock (BEGIN IMMEDIATE, waiting up to 20 s) instead of failing when busy.
        config.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    return config
