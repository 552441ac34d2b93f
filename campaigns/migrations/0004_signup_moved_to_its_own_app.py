"""The sign-up moved to signup/ (signup/migrations/0001_initial.py takes over its tables)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('signup', '0001_initial'),
        ('campaigns', '0003_alter_eventpage_body'),
    ]

    operations = [
        # Only the state: the tables now belong to the new app's models, which keep their names.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='supporter',
                    name='page',
                ),
                migrations.DeleteModel(
                    name='SignUpPage',
                ),
                migrations.DeleteModel(
                    name='Supporter',
                ),
            ],
        ),
    ]
