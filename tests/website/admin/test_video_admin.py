"""Editors add videos and livestreams through the admin, with no video provider reachable."""

import datetime
import os
import re
from unittest import mock
from urllib.error import URLError

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.livestream_demo import LIVESTREAM_NOTICE
from home.models import HomePage, LivestreamNotice
from website.demo import site_tree
from website.models import StandardPage
from website.video_urls import UNSUPPORTED_MESSAGE

YOUTUBE_URL = "https://www.youtube.com/shorts/dQw4w9WgXcQ"


def video(url=YOUTUBE_URL, title="Rally highlights"):
    return ("video", {"url": url, "title": title, "thumbnail": "", "caption": "From Saturday's rally"})


def stored_video():
    block_type, value = video()
    return block_type, {**value, "thumbnail": None}


class ProvidersUnreachable:
    """Wagtail's oEmbed finder and the network fail as an offline provider would; the test records any attempt."""

    def setUp(self):
        super().setUp()
        unreachable = URLError("provider unreachable")
        self.oembed = self.patch("wagtail.embeds.finders.oembed.OEmbedFinder.find_embed", side_effect=unreachable)
        self.urlopen = self.patch("urllib.request.urlopen", side_effect=unreachable)

    def patch(self, target, **kwargs):
        patcher = mock.patch(target, **kwargs)
        self.addCleanup(patcher.stop)
        return patcher.start()

    def assert_nothing_called_out(self):
        self.oembed.assert_not_called()
        self.urlopen.assert_not_called()


class TestEditorAddsAVideo(ProvidersUnreachable, WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.login()
        self.home = site_tree().root_page.specific

    def test_editor_saves_a_page_with_a_video_and_visitors_get_the_placeholder(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data({"title": "Rally", "slug": "rally", "body": streamfield([video()])}),
        )
        page = StandardPage.objects.get(slug="rally")
        response = self.client.get(page.url)
        self.assertContains(response, 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"')
        self.assertContains(response, 'data-video-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
        self.assertContains(response, "Rally highlights")
        self.assert_nothing_called_out()

    def test_an_unsupported_address_is_refused_with_a_clear_message(self):
        response = self.client.post(
            f"/admin/pages/add/website/standardpage/{self.home.pk}/",
            nested_form_data(
                {"title": "Rally", "slug": "rally", "body": streamfield([video(url="https://example.org/film.mp4")])}
            ),
        )
        self.assertEqual(response.status_code, 200)
        # The message travels to the editor's form as JSON, so match its first sentence, free of escaping.
        self.assertContains(response, UNSUPPORTED_MESSAGE.split(". ")[0])
        self.assertFalse(StandardPage.objects.filter(slug="rally").exists())

    def test_editor_reopens_the_page_and_sees_the_video(self):
        page = self.home.add_child(instance=StandardPage(title="Rally", slug="rally", body=[stored_video()]))
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "dQw4w9WgXcQ")
        self.assert_nothing_called_out()


class TestEditorSchedulesALivestream(ProvidersUnreachable, WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.login()
        self.home = site_tree().root_page.specific

    def publish_home(self, livestream):
        return self.client.post(
            f"/admin/pages/{self.home.pk}/edit/",
            nested_form_data(
                {
                    "title": "Home",
                    "slug": self.home.slug,
                    "body": streamfield([("livestream", livestream)]),
                    "action-publish": "publish",
                }
            ),
        )

    def test_a_start_typed_in_uk_summer_time_goes_live_at_that_uk_time(self):
        response = self.publish_home(
            {
                "title": "Socialist Telly",
                "url": "https://www.youtube.com/live/dQw4w9WgXcQ",
                "starts_at": "2026-03-29 19:30",
                "ends_at": "2026-03-29 21:00",
                "recording_url": "",
                "thumbnail": "",
            }
        )
        self.assertEqual(response.status_code, 302)
        utc = datetime.UTC
        with mock.patch("django.utils.timezone.now", return_value=datetime.datetime(2026, 3, 29, 18, 15, tzinfo=utc)):
            before = self.client.get("/").content.decode()
        with mock.patch("django.utils.timezone.now", return_value=datetime.datetime(2026, 3, 29, 18, 45, tzinfo=utc)):
            during = self.client.get("/").content.decode()
        self.assertIn("Sunday 29 March at 7:30pm", before)
        self.assertIn("Live now", during)
        self.assertIn('data-video-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', during)
        self.assert_nothing_called_out()

    def test_an_end_before_the_start_is_refused(self):
        response = self.publish_home(
            {
                "title": "Socialist Telly",
                "url": "https://www.youtube.com/live/dQw4w9WgXcQ",
                "starts_at": "2026-03-29 19:30",
                "ends_at": "2026-03-29 19:00",
                "recording_url": "",
                "thumbnail": "",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The end must come after the start.")


@pytest.mark.django_db
def test_demo_puts_the_telly_livestream_on_the_home_page(client, root_collection, demo_site):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    home = HomePage.objects.get()
    livestreams = [block for block in home.body if block.block_type == "livestream"]
    assert len(livestreams) == 1, "loading the demo twice should add the livestream once"
    assert LivestreamNotice.for_site(demo_site).notice == LIVESTREAM_NOTICE
    html = client.get("/").content.decode()
    assert escape(LIVESTREAM_NOTICE) in html
    assert "Starts" in html and "at 7:30pm" in html
    start = html.index('<section class="livestream')
    section = html[start : html.index("</section>", start)]
    assert not re.search(r"""\s(?:src|srcset)=["']https?:""", section)
