from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("signup", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="supporter",
            name="confirmation_claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
