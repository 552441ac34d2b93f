"""A signatory's e-mail address and consent are for supporter data managers alone (contact_signatory): moderators
review names, roles and organisations without them, and neither they nor administrators export them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    config = apps.get_app_config("letters")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Supporter data managers")
    group.permissions.add(Permission.objects.get(content_type__app_label="letters", codename="contact_signatory"))


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0003_signatory_out_of_reference_index"),
        ("website", "0003_editor_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="signatory",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("contact_signatory", "Can see, search and export signatories' e-mail addresses and consent")
                ],
                "verbose_name": "letter signatory",
                "verbose_name_plural": "letter signatories",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
