from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_signup_moved_to_its_own_app"),
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
