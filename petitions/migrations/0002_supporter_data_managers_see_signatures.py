"""Supporter data managers list and export signatures, as they do sign-ups: people's political opinions, so nobody
else but superusers has a permission on them (website/roles.py's groups, made by website's migration 0003)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Supporter data managers"


def grant(apps, schema_editor):
    config = apps.get_app_config("petitions")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="petitions", codename="view_signature")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0001_initial"),
        ("website", "0003_editor_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
