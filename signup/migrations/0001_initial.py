"""The sign-up's models, which lived in campaigns/ until it became an app of its own: same tables, same rows."""

import django.db.models.deletion
import django.db.models.functions.text
import signup.models
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models



def relabel(apps, schema_editor):
    """The content types (and so the permissions, pages, revisions and log entries that point at them) follow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="campaigns", model__in=['signuppage', 'supporter']).update(app_label="signup")


def relabel_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="signup", model__in=['signuppage', 'supporter']).update(app_label="campaigns")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('website', '0003_editor_groups'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('campaigns', '0003_alter_eventpage_body'),
        ('wagtailcore', '0098_apitoken'),
        ('website', '0004_alter_standardpage_body'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # The tables stay where they are (each model's Meta.db_table names its old table): only Django's idea of
        # which app owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SignUpPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('listing_summary', models.TextField(blank=True, help_text='One or two sentences shown in listings, search results and when the page is shared.', max_length=300)),
                        ('intro', wagtail.fields.RichTextField(blank=True, help_text='Above the form: why to sign up and what happens next.')),
                        ('membership_question', models.CharField(default='Are you a member of a union, constituency party or group? Which?', help_text='The question about membership; the answer is optional.', max_length=200)),
                        ('interests', models.TextField(default='Campaigns\nEvents and rallies\nVolunteering', help_text='What people may say they want to do, one per line. Each becomes a tick box.', max_length=1000)),
                        ('email_consent_text', models.TextField(default='Yes, e-mail me about campaigns, events and actions. I can unsubscribe at any time.', help_text='The wording of the box for e-mail updates. Changing it starts a new consent version.', max_length=500)),
                        ('data_consent_text', models.TextField(default='I agree that the network may hold what I give here, which may show my political opinions, to organise with me. I can ask for it to be deleted at any time.', help_text="The wording of the box that lets the network hold the person's details. Required to sign up. Changing it starts a new consent version.", max_length=800)),
                        ('thank_you_text', wagtail.fields.RichTextField(blank=True, default='<p>Thank you. We have sent you an e-mail: click the link in it to confirm your sign-up.</p>', help_text='Shown after the form is sent. Say that they need to confirm by e-mail.')),
                        ('confirmed_text', wagtail.fields.RichTextField(blank=True, default='<p>You are signed up. We will be in touch about campaigns, events and actions near you.</p>', help_text='Shown when someone clicks the confirmation link.')),
                        ('listing_image', models.ForeignKey(blank=True, help_text="The picture for listings and social sharing. Falls back to the site's default share image.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='website.siteimage')),
                        ('organisation_page', models.ForeignKey(blank=True, help_text='Where organisations ask to endorse the network; the form points them there.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('privacy_page', models.ForeignKey(blank=True, help_text='The privacy notice, linked beside the consent boxes.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'verbose_name': 'sign-up page',
                        'db_table': 'campaigns_signuppage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='Supporter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed'), ('unsubscribed', 'Unsubscribed')], default='pending', max_length=16)),
                        ('name', models.CharField(max_length=100)),
                        ('email', models.EmailField(max_length=254, null=True)),
                        ('postcode', models.CharField(blank=True, max_length=10)),
                        ('membership', models.CharField(blank=True, max_length=200)),
                        ('interests', models.JSONField(blank=True, default=list)),
                        ('email_updates', models.BooleanField(default=False, verbose_name='wants e-mail updates')),
                        ('data_consent', models.BooleanField(default=False, verbose_name='agreed we hold their data')),
                        ('consent_text', models.TextField(blank=True, help_text='The consent wording they saw and what they ticked.')),
                        ('consent_version', models.CharField(blank=True, max_length=12)),
                        ('consented_at', models.DateTimeField(null=True)),
                        ('pending_changes', models.JSONField(blank=True, null=True)),
                        ('pending_since', models.DateTimeField(blank=True, null=True)),
                        ('confirmation_nonce', models.CharField(default=signup.models.new_nonce, max_length=32)),
                        ('confirmation_sent_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True)),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True)),
                        ('page', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='supporters', to='signup.signuppage')),
                    ],
                    options={
                        'verbose_name': 'supporter',
                        'db_table': 'campaigns_supporter',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['status', 'created_at'], name='campaigns_s_status_15ebda_idx')],
                        'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='unique_supporter_email')],
                    },
                ),
            ],
            database_operations=[migrations.RunPython(relabel, relabel_back)],
        ),
    ]
