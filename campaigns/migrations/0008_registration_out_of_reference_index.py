"""The registration records leave Wagtail's reference index (the model now sets wagtail_reference_index_ignore)."""

from django.db import migrations


def forget_references(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    kind = ContentType.objects.filter(app_label="campaigns", model="registration").first()
    if kind is not None:
        ReferenceIndex.objects.filter(content_type=kind).delete()


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0007_livestream_address_help"), ("wagtailcore", "0001_initial"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(forget_references, migrations.RunPython.noop)]
