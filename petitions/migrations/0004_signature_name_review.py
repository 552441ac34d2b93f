"""Names signers asked to show wait for a moderator before they appear on the petition (petitions/names.py).

Names already on a petition's public list stay there (marked shown): this changes what happens from now on, not
what signers already see. Moderators and administrators get the right to review them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

REVIEWERS = ("Moderators", "Administrators")


def keep_shown_names_and_grant(apps, schema_editor):
    Signature = apps.get_model("petitions", "Signature")
    Signature.objects.filter(show_name=True, confirmed_at__isnull=False).update(name_review="shown")
    config = apps.get_app_config("petitions")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="petitions", codename="review_signature_name")
    for name in REVIEWERS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_signature_out_of_reference_index"),
        ("website", "0003_editor_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="signature",
            options={
                "ordering": ["-created_at"],
                "permissions": [("review_signature_name", "Can review the names shown on a petition")],
                "verbose_name": "petition signature",
            },
        ),
        migrations.AddField(
            model_name="signature",
            name="name_review",
            field=models.CharField(
                choices=[
                    ("pending", "waiting for a moderator"),
                    ("shown", "shown on the petition"),
                    ("hidden", "kept off the petition"),
                ],
                default="pending",
                help_text="Whether a moderator let the name show on the petition's public list (only if they asked).",
                max_length=8,
            ),
        ),
        migrations.RunPython(keep_shown_names_and_grant, migrations.RunPython.noop),
    ]
