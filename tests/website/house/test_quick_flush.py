"""The suite's flush after a transactional test (QuickFlush in tests/utils.py) leaves every table empty, as
Django's own does, and on PostgreSQL touches only the tables that held rows."""

import io

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.commands import flush as flush_command
from django.db import connection

from tests.utils import tables_with_rows


def django_tables():
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_every_table_rows_point_across(demo_site):
    # The demo's pages, revisions, images, organisations: rows whose foreign keys point at one another's.
    held = tables_with_rows(django_tables())
    assert {"wagtailcore_page", "wagtailcore_revision", "website_siteimage"} <= set(held)

    statements = flush_command.sql_flush(no_style(), connection, reset_sequences=False)
    if connection.vendor == "postgresql":
        assert not any("TRUNCATE" in statement for statement in statements)
        assert len([s for s in statements if s.startswith("DELETE")]) == len(held)
    # Without the content types and permissions that Django's post-migrate handlers make again after a flush.
    call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, stdout=io.StringIO())
    assert tables_with_rows(django_tables()) == []


@pytest.mark.django_db(transaction=True)
def test_a_flush_that_resets_sequences_is_djangos_own(site):
    statements = flush_command.sql_flush(no_style(), connection, reset_sequences=True)
    if connection.vendor == "postgresql":
        assert statements[0].startswith("TRUNCATE") and "RESTART IDENTITY" in statements[0]
    assert statements == flush_command.sql_flush.original(no_style(), connection, reset_sequences=True)
