from django.db import migrations

from website.orderables import number_unordered


def number_backers_and_speakers(apps, schema_editor):
    for name in ("CampaignBacker", "EventSpeaker"):
        number_unordered(apps.get_model("campaigns", name))


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0009_orderable_tiebreak")]

    operations = [migrations.RunPython(number_backers_and_speakers, migrations.RunPython.noop)]
