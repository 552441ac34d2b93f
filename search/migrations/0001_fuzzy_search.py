"""On PostgreSQL, the extensions and indexes that typo-tolerant (trigram) search needs.

modelsearch ships them as management commands; running them here means every new site gets them with
`migrate`. Without the rights to create extensions the migration goes on: search still works, only without
typo tolerance, and the message says what a database administrator should run.
"""

import io
import sys

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import migrations


def enable_fuzzy_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        # unaccent first: the trigram command also indexes f_unaccent() of each text.
        for command in ("enable_unaccent", "enable_trigram"):
            call_command(command, stdout=io.StringIO())
    except CommandError as error:
        sys.stderr.write(f"Typo-tolerant search is off: {error}\n")


class Migration(migrations.Migration):
    # A failed CREATE EXTENSION must not abort the rest of the migration with it.
    atomic = False

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(enable_fuzzy_search, migrations.RunPython.noop, elidable=True)]
