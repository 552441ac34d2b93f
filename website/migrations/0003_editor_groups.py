"""The editors' groups and the campaign workflow (as website/migrations/_roles_0003.py froze them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from website.migrations._roles_0003 import ensure_roles


def create_groups(apps, schema_editor):
    # On a fresh database permissions are made only after all migrations (post_migrate): make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)
    # Wagtail's catch-all "Editors" (add and edit every page) gives way to the groups above, unless people use it.
    apps.get_model("auth", "Group").objects.filter(name="Editors", user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_alter_standardpage_body"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("campaigns", "0001_initial"),
        ("endorsements", "0002_requests_and_page"),
        ("news", "0003_socialpost"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
