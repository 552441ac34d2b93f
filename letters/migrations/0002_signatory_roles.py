"""Moderators review letter signatories (view, change), supporter data managers list and export them (view), and
administrators hold what moderators hold, so that they may still make someone a moderator (website/account_rights.py).
The rights are written out here, not read from the apps' declarations, so that later changes leave history alone."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Moderators": ["view_signatory", "change_signatory"],
    "Supporter data managers": ["view_signatory"],
    "Administrators": ["view_signatory", "change_signatory"],
}


def grant(apps, schema_editor):
    config = apps.get_app_config("letters")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="letters", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("website", "0003_editor_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
