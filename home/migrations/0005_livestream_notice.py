"""The home page's livestream notice becomes a setting of its own ("Settings → Livestream notice"), carrying the
notice the home page has today, and press officers, moderators and administrators may change it.

The grant is written out here, codenames and all, rather than taken from website/roles.py: what this migration
gave must not change when that module does later.
"""

import django.db.models.deletion
import wagtail.fields
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GRANTS = {
    "Press officers": ["change_livestreamnotice", "view_livestreamnotice"],
    "Moderators": ["change_livestreamnotice", "view_livestreamnotice"],
    "Administrators": ["change_livestreamnotice", "view_livestreamnotice"],
}


def carry_the_notice(apps, schema_editor):
    """Each site's home page's livestream notice, as the live page has it, into the new setting."""
    HomePage = apps.get_model("home", "HomePage")
    Site = apps.get_model("wagtailcore", "Site")
    LivestreamNotice = apps.get_model("home", "LivestreamNotice")
    for home in HomePage.objects.all():
        notices = [
            (block.get("value") or {}).get("notice") or ""
            for block in home.body.raw_data
            if block.get("type") == "livestream"
        ]
        notice = next((text for text in notices if text), "")
        for site in Site.objects.filter(root_page_id=home.pk):
            LivestreamNotice.objects.get_or_create(site=site, defaults={"notice": notice[:200]})


def grant(apps, schema_editor):
    # On a fresh database permissions are made only after all migrations (post_migrate): make this app's now.
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="home", codename__in=codenames)
            )


def ungrant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="home", content_type__model="livestreamnotice").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_faults_labels_help_and_whole_pixels'),
        ('wagtailcore', '0098_apitoken'),
        # The editors' groups, made by website/0003.
        ('website', '0006_merge_after_the_second_round'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterField(
            model_name='homepage',
            name='body',
            field=wagtail.fields.StreamField([('hero', 7), ('text', 8), ('call_to_action', 12), ('quote', 17), ('image', 20), ('endorsements', 27), ('latest_campaigns', 32), ('latest_news', 35), ('next_events', 40), ('social_feed', 43), ('video', 48), ('livestream', 55)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': "The headline, such as the network's purpose.", 'max_length': 120}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'help_text': 'A few short paragraphs that say what this is about.'}), 2: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': 'Optional background picture; set its focal point.', 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': "The words of the link. Leave blank to use the page's title.", 'max_length': 80, 'required': False}), 4: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page on this site…', 'required': False}), 5: ('wagtail.blocks.URLBlock', (), {'help_text': '…or an address on another site.', 'label': 'External URL', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('label', 3), ('page', 4), ('external_url', 5)]], {'help_text': 'Optional button under the statement.'}), 7: ('wagtail.blocks.StructBlock', [[('heading', 0), ('statement', 1), ('image', 2), ('action', 6)]], {}), 8: ('website.blocks.rich_text.RichTextBlock', (), {}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'What you are asking people to do.', 'max_length': 120}), 10: ('wagtail.blocks.TextBlock', (), {'help_text': 'One or two sentences on why.', 'max_length': 400, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('label', 3), ('page', 4), ('external_url', 5)]], {'help_text': 'Where the button goes.'}), 12: ('wagtail.blocks.StructBlock', [[('heading', 9), ('text', 10), ('link', 11)]], {}), 13: ('wagtail.blocks.TextBlock', (), {'help_text': 'The words, without quotation marks.', 'max_length': 1500}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it.', 'max_length': 120, 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'help_text': "Their role, such as 'MP for Salford'.", 'max_length': 160, 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Their social media handle, such as @johnmcdonnellMP.', 'max_length': 80, 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('quote', 13), ('name', 14), ('role', 15), ('handle', 16)]], {}), 18: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': "The picture; its alt text comes from the image's description."}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown under the picture.', 'max_length': 250, 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('image', 18), ('caption', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'help_text': "A heading above the logos, e.g. 'Supported by'. Optional.", 'max_length': 120, 'required': False}), 22: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('all', 'Every listed organisation'), ('kind', 'One kind of organisation'), ('chosen', 'The ones I pick')], 'help_text': 'Which organisations the gallery shows. Hidden (unlisted) ones never appear.'}), 23: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('trade_union', 'Trade union'), ('union_branch', 'Union branch'), ('left_group', 'Constituency party or left group'), ('campaign_group', 'Campaign group'), ('community_group', 'Community group'), ('mutual_aid', 'Mutual-aid network'), ('mps_group', 'Group of MPs'), ('other', 'Other')], 'help_text': 'The kind to show, when showing one kind.', 'required': False}), 24: ('wagtail.snippets.blocks.SnippetChooserBlock', ('endorsements.Organisation',), {}), 25: ('wagtail.blocks.ListBlock', (24,), {'default': [], 'help_text': 'The organisations to show, in this order, when picking them.'}), 26: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'help_text': 'Add links to the full list of organisations and to the form for asking to endorse.', 'required': False}), 27: ('wagtail.blocks.StructBlock', [[('heading', 21), ('show', 22), ('kind', 23), ('organisations', 25), ('show_link', 26)]], {}), 28: ('wagtail.blocks.CharBlock', (), {'default': 'Latest campaigns', 'help_text': "The section's heading.", 'max_length': 80}), 29: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A campaign to show.', 'page_type': ['campaigns.CampaignPage']}), 30: ('wagtail.blocks.ListBlock', (29,), {'default': [], 'help_text': 'Campaigns to show, in order. Leave empty to show the newest active campaigns.'}), 31: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'How many campaigns to show at most.', 'max_value': 12, 'min_value': 1}), 32: ('wagtail.blocks.StructBlock', [[('heading', 28), ('campaigns', 30), ('count', 31)]], {}), 33: ('wagtail.blocks.CharBlock', (), {'default': "What's new", 'help_text': "The section's heading.", 'max_length': 80}), 34: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'How many of the newest items to show (1 to 12).', 'max_value': 12, 'min_value': 1}), 35: ('wagtail.blocks.StructBlock', [[('heading', 33), ('count', 34)]], {}), 36: ('wagtail.blocks.CharBlock', (), {'default': 'Next events', 'help_text': "The section's heading.", 'max_length': 80}), 37: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'An event to show.', 'page_type': ['campaigns.EventPage']}), 38: ('wagtail.blocks.ListBlock', (37,), {'default': [], 'help_text': 'Events to show, in order; past ones drop out. Leave empty to show the soonest events.'}), 39: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'How many events to show at most.', 'max_value': 12, 'min_value': 1}), 40: ('wagtail.blocks.StructBlock', [[('heading', 36), ('events', 38), ('count', 39)]], {}), 41: ('wagtail.blocks.CharBlock', (), {'default': 'On social media', 'help_text': "The section's heading.", 'max_length': 80}), 42: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'How many of the newest posts to show before “Load more”.', 'max_value': 12, 'min_value': 1}), 43: ('wagtail.blocks.StructBlock', [[('heading', 41), ('count', 42)]], {}), 44: ('wagtail.blocks.URLBlock', (), {'help_text': "The video's address on YouTube (a video, short or livestream), Vimeo or Facebook.", 'label': 'Video URL', 'max_length': 500}), 45: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video is, in a few words: shown on the placeholder and read out by screen readers.', 'max_length': 150}), 46: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': 'A still from the video, stored on our site. Without one, the placeholder shows the title only.', 'required': False}), 47: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown under the video.', 'max_length': 250, 'required': False}), 48: ('wagtail.blocks.StructBlock', [[('url', 44), ('title', 45), ('thumbnail', 46), ('caption', 47)]], {}), 49: ('wagtail.blocks.CharBlock', (), {'help_text': "What the stream is, such as 'Socialist Telly'. Also the player's accessible title.", 'max_length': 150}), 50: ('wagtail.blocks.URLBlock', (), {'help_text': "The stream's address on YouTube (such as youtube.com/live/…), Vimeo or Facebook.", 'label': 'Stream URL', 'max_length': 500}), 51: ('wagtail.blocks.DateTimeBlock', (), {'help_text': 'When the stream starts, in UK time.'}), 52: ('wagtail.blocks.DateTimeBlock', (), {'help_text': 'When it ends, in UK time. Leave blank and it counts as live for two hours after the start.', 'required': False}), 53: ('wagtail.blocks.URLBlock', (), {'help_text': "The recording's address, shown once the stream has ended. Often the same as the stream's.", 'label': 'Recording URL', 'max_length': 500, 'required': False}), 54: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': "A picture for the player's placeholder, stored on our site. Optional.", 'required': False}), 55: ('wagtail.blocks.StructBlock', [[('title', 49), ('url', 50), ('starts_at', 51), ('ends_at', 52), ('recording_url', 53), ('thumbnail', 54)]], {})}, help_text="The home page's sections, top to bottom: add, reorder or remove them."),
        ),
        migrations.CreateModel(
            name='LivestreamNotice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('notice', models.CharField(blank=True, help_text="A short note shown with the home page's livestream before and during it, such as 'Slight delay: now 7:30pm'. Leave it empty for none.", max_length=200)),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'Livestream notice',
            },
            bases=(models.Model,),
        ),
        migrations.RunPython(carry_the_notice, migrations.RunPython.noop),
        migrations.RunPython(grant, ungrant),
    ]
