from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_registration_email_claim"),
    ]

    operations = [
        migrations.AddField(
            model_name="supporter",
            name="confirmation_claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
