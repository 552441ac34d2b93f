from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0003_alter_eventpage_body"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="confirmation_claimed_at",
            field=models.DateTimeField(
                blank=True, editable=False, help_text="When a sender took on the confirmation e-mail.", null=True
            ),
        ),
    ]
