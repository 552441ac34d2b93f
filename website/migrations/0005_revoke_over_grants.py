"""Takes from existing databases the rights the editors' guide does not give (website/roles.py REVOKED)."""

from django.db import migrations

from website.roles import revoke_over_grants


def revoke(apps, schema_editor):
    revoke_over_grants(apps)


class Migration(migrations.Migration):
    dependencies = [("website", "0004_alter_standardpage_body")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
