from django.db import migrations

from website.orderables import number_unordered


def number_cosigning_organisations(apps, schema_editor):
    number_unordered(apps.get_model("letters", "LetterOrganisation"))


class Migration(migrations.Migration):
    dependencies = [("letters", "0005_orderable_tiebreak")]

    operations = [migrations.RunPython(number_cosigning_organisations, migrations.RunPython.noop)]
