"""Moderators review letter signatories and supporter data managers export them (website/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from website.roles import ensure_roles


def grant(apps, schema_editor):
    # On a fresh database permissions are made only after all migrations (post_migrate): make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("website", "0006_merge_after_the_second_round"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
