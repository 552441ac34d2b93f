"""The social media posts moved to social/ (social/migrations/0001_initial.py takes over their table)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('social', '0001_initial'),
        ('news', '0005_alter_newspage_body'),
    ]

    operations = [
        # Only the state: the tables now belong to the new app's models, which keep their names.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='SocialPost',
                ),
            ],
        ),
    ]
