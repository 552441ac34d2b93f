"""Takes from existing databases the rights the editors' guide does not give (REVOKED, frozen in website/migrations/_roles_0003.py)."""

from django.db import migrations

from website.migrations._roles_0003 import revoke_over_grants


def revoke(apps, schema_editor):
    revoke_over_grants(apps)


class Migration(migrations.Migration):
    dependencies = [("website", "0004_alter_standardpage_body")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
