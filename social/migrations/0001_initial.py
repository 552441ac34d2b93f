"""The social media posts, which lived in news/ until they became an app of their own: same table, same rows."""

import django.core.validators
import django.db.models.deletion
import modelsearch.index
import wagtail.models.preview
from django.db import migrations, models



def relabel(apps, schema_editor):
    """The content types (and so the permissions, pages, revisions and log entries that point at them) follow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="news", model__in=['socialpost']).update(app_label="social")


def relabel_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="social", model__in=['socialpost']).update(app_label="news")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('website', '0003_editor_groups'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('news', '0005_alter_newspage_body'),
        ('website', '0004_alter_standardpage_body'),
    ]

    operations = [
        # The tables stay where they are (each model's Meta.db_table names its old table): only Django's idea of
        # which app owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SocialPost',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('platform', models.CharField(choices=[('facebook', 'Facebook'), ('x', 'X'), ('instagram', 'Instagram'), ('bluesky', 'Bluesky'), ('mastodon', 'Mastodon'), ('youtube', 'YouTube'), ('tiktok', 'TikTok'), ('other', 'another site')], default='facebook', help_text='Where the post first appeared.', max_length=20)),
                        ('account_name', models.CharField(blank=True, help_text='The name of the account that posted it, as that site shows it, such as “Broad Left Network”.', max_length=100, verbose_name='account name')),
                        ('handle', models.CharField(blank=True, help_text="The account's handle, starting @, such as @broadleft (on Mastodon, @broadleft@mastodon.social).", max_length=100, validators=[django.core.validators.RegexValidator('^(?<![\\w/@.])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?:@(?P<server>[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+))?$', 'Start the handle with @ and use only letters, digits, _ . and -, such as @broadleft or @broadleft@mastodon.social.')])),
                        ('text', models.TextField(help_text="The post's words, pasted as plain text (up to 5,000 characters). Long posts are cut after about 300 characters with a “See more” button.", max_length=5000)),
                        ('url', models.URLField(help_text="The post's own address on that site, starting https:// (its “View on …” link).", max_length=500, validators=[django.core.validators.URLValidator(schemes=['https'])], verbose_name='address')),
                        ('posted_at', models.DateTimeField(help_text='When the post went up, in UK time. The feed shows the newest first.', verbose_name='posted at')),
                        ('shown', models.BooleanField(default=True, help_text='Untick to hide the post from the site without deleting it.')),
                        ('source_id', models.CharField(blank=True, editable=False, help_text='The id its feed gave an imported post, so importing again adds it only once. Blank when pasted in.', max_length=500, verbose_name='feed entry id')),
                        ('image', models.ForeignKey(blank=True, help_text="Optional: the post's picture, uploaded here (it is never loaded from the other site).", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='website.siteimage')),
                    ],
                    options={
                        'verbose_name': 'social media post',
                        'db_table': 'news_socialpost',
                        'ordering': ['-posted_at', '-pk'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('source_id', ''), _negated=True), fields=('platform', 'source_id'), name='socialpost_unique_source_id', violation_error_message='A post with this feed entry id is already there for this platform.')],
                    },
                    bases=(wagtail.models.preview.PreviewableMixin, modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[migrations.RunPython(relabel, relabel_back)],
        ),
    ]
