"""The suite's flush after a transactional test (QuickFlush in tests/utils.py) leaves every table empty, as
Django's own does, and on PostgreSQL touches only the tables that held rows."""

import io

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.commands import flush as flush_command
from django.db import connections
from django.test.utils import CaptureQueriesContext

from tests.utils import tables_with_rows

# Django's flush command runs on connections[alias], not on the django.db.connection proxy.
DATABASE = connections["default"]


def django_tables():
    return DATABASE.introspection.django_table_names(only_existing=True, include_views=False)


@pytest.mark.django_db(transaction=True)
def test_the_flush_after_a_transactional_test_empties_every_table(demo_site):
    # The demo's pages, revisions, images, organisations: rows whose foreign keys point at one another's.
    held = tables_with_rows(django_tables(), DATABASE)
    assert {"wagtailcore_page", "wagtailcore_revision", "website_siteimage"} <= set(held)

    # As TransactionTestCase flushes, without the content types and permissions its post-migrate handlers remake.
    with CaptureQueriesContext(DATABASE) as flushed:
        call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, stdout=io.StringIO())
    assert tables_with_rows(django_tables(), DATABASE) == []
    sent = [query["sql"] for query in flushed.captured_queries]
    if DATABASE.vendor == "postgresql":
        assert not any("TRUNCATE" in statement for statement in sent)
        deleted = sorted(
            statement.removeprefix("DELETE FROM ").strip('"') for statement in sent if "DELETE" in statement
        )
        assert deleted == sorted(held)


@pytest.mark.django_db(transaction=True)
def test_a_flush_that_resets_sequences_or_cascades_is_djangos_own(site):
    for options in ({"reset_sequences": True}, {"reset_sequences": False, "allow_cascade": True}):
        statements = flush_command.sql_flush(no_style(), DATABASE, **options)
        assert statements == flush_command.sql_flush.original(no_style(), DATABASE, **options)
        if DATABASE.vendor == "postgresql":
            assert statements[0].startswith("TRUNCATE")
