"""A petition keeps the goals it passed before an editor raised them (its milestones), and the day signing was
switched off with the box, from which its signatures' retention counts when it has no other date.

Petitions already switched off count from today: later than the truth, so nothing is anonymised sooner than the
rule promised."""

import django.core.validators
from django.db import migrations, models
from django.utils import timezone


def switched_off_today(apps, schema_editor):
    PetitionPage = apps.get_model("petitions", "PetitionPage")
    PetitionPage.objects.filter(closed=True).update(closed_on=timezone.localdate())


class Migration(migrations.Migration):
    dependencies = [("petitions", "0004_signature_name_review")]

    operations = [
        migrations.AddField(
            model_name="petitionpage",
            name="goals_passed",
            field=models.JSONField(
                blank=True,
                default=list,
                editable=False,
                help_text="The goals reached before an editor raised the goal, lowest first: shown as milestones.",
            ),
        ),
        migrations.AddField(
            model_name="petitionpage",
            name="closed_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="The day signing was stopped with the box; empty while it is open.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="petitionpage",
            name="goal",
            field=models.PositiveIntegerField(
                default=1000,
                help_text="How many signatures to aim for. Raise it once it is reached: the page then shows the goal "
                "passed as a milestone beside the new one.",
                validators=[django.core.validators.MinValueValidator(1)],
            ),
        ),
        migrations.RunPython(switched_off_today, migrations.RunPython.noop),
    ]
