"""A press officer writes, publishes and schedules news through Wagtail's admin."""

import datetime
from unittest import mock

import feedparser
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsKind, NewsPage
from tests.news.factories import NewsIndexPageFactory
from website.demo import site_tree


def press_release_form(**overrides):
    fields = {
        "title": "Unions back the recall conference",
        "slug": "unions-back-the-recall-conference",
        "kind": NewsKind.PRESS_RELEASE,
        "date": "2021-03-04",
        "listing_summary": "Unite, the FBU and the BFAWU back the call for a Recall of Conference.",
        "listing_image": "",
        "body": streamfield(
            [
                ("text", rich_text("<p>The campaign now has widespread support.</p>")),
                (
                    "quote",
                    {
                        "quote": "Let the members decide the fate and future of our party!",
                        "name": "A. Spokesperson",
                        "role": "Press officer",
                        "handle": "@network",
                    },
                ),
            ]
        ),
        "tags": "RecallConference, ReclaimDemocracy",
        "press_contact_name": "Press office",
        "press_contact_email": "press@example.org",
        "press_contact_phone": "",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def publish_scheduled_at(moment):
    """Runs Wagtail's publish_scheduled, as `make run` does every minute, as if it were `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled")


class PressOfficersPath(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = site_tree().root_page.specific
        self.home.body = [("latest_news", {"heading": "What's new", "count": 3})]
        self.home.save_revision().publish()
        self.index = NewsIndexPageFactory(parent=self.home)

    def visitor_sees(self, text):
        """Whether an anonymous visitor finds `text` on the home page, the index and the feed."""
        visitor = Client()
        home = text in visitor.get("/").content.decode()
        index = text in visitor.get(self.index.url).content.decode()
        feed = [entry.title for entry in feedparser.parse(visitor.get("/news/feed/rss/").content).entries]
        return home, index, text in feed

    def test_page_types_editors_may_add_here(self):
        self.assertAllowedSubpageTypes(self.index, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {type(self.index)})

    def test_press_release_published_in_the_admin_is_at_once_on_home_index_and_feed(self):
        self.assertCanCreate(self.index, NewsPage, press_release_form())
        release = NewsPage.objects.get(slug="unions-back-the-recall-conference")
        self.assertTrue(release.live)
        self.assertEqual(release.date, datetime.date(2021, 3, 4))
        self.assertEqual(sorted(tag.name for tag in release.tags.all()), ["RecallConference", "ReclaimDemocracy"])
        self.assertEqual(self.visitor_sees("Unions back the recall conference"), (True, True, True))
        page = self.client.get(release.url)
        self.assertContains(page, "press@example.org")
        self.assertContains(page, '<span class="quote__handle">@network</span>')

    def test_a_press_release_without_a_press_contact_is_refused_with_a_clear_message(self):
        response = self.client.post(
            f"/admin/pages/add/news/newspage/{self.index.pk}/",
            press_release_form(press_contact_email="", **{"action-publish": "publish"}),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A press release needs a press contact")
        self.assertFalse(NewsPage.objects.exists())

    def test_an_embargoed_item_stays_hidden_until_its_time_then_publish_scheduled_releases_it(self):
        # 09:00 on 1 July 2030 in the UK is 08:00 UTC: British Summer Time.
        response = self.client.post(
            f"/admin/pages/add/news/newspage/{self.index.pk}/",
            press_release_form(go_live_at="2030-07-01 09:00", **{"action-publish": "publish"}),
        )
        self.assertEqual(response.status_code, 302)
        release = NewsPage.objects.get(slug="unions-back-the-recall-conference")
        self.assertFalse(release.live)
        self.assertEqual(release.go_live_at, datetime.datetime(2030, 7, 1, 8, 0, tzinfo=datetime.UTC))
        # The editor sees the time as they typed it, in UK time.
        edit_form = self.client.get(f"/admin/pages/{release.pk}/edit/").content.decode()
        self.assertIn('value="2030-07-01 09:00"', edit_form)

        self.assertEqual(Client().get(release.url).status_code, 404)
        self.assertEqual(self.visitor_sees("Unions back the recall conference"), (False, False, False))

        publish_scheduled_at(datetime.datetime(2030, 7, 1, 7, 59, tzinfo=datetime.UTC))
        self.assertFalse(Page.objects.get(pk=release.pk).live)
        self.assertEqual(self.visitor_sees("Unions back the recall conference"), (False, False, False))

        publish_scheduled_at(datetime.datetime(2030, 7, 1, 8, 1, tzinfo=datetime.UTC))
        self.assertTrue(Page.objects.get(pk=release.pk).live)
        self.assertEqual(self.visitor_sees("Unions back the recall conference"), (True, True, True))
        self.assertEqual(Client().get(release.url).status_code, 200)

    def test_editor_adds_a_post_from_another_site_with_the_finder_mocked(self):
        embed = {"title": "Comment on the Budget", "type": "rich", "html": "<blockquote></blockquote>", "width": None}
        embed |= {"height": None, "provider_name": "X", "author_name": "A. Member"}
        with mock.patch("wagtail.embeds.embeds.get_finder_for_embed", return_value=embed):
            self.assertCanCreate(
                self.index,
                NewsPage,
                press_release_form(
                    kind=NewsKind.RESPONSE,
                    body=streamfield([("embed", "https://x.com/amember/status/1")]),
                ),
            )
            release = NewsPage.objects.get()
            self.assertContains(self.client.get(release.url), "Comment on the Budget")

    def test_editor_adds_a_video_that_loads_nothing_until_played(self):
        video = {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Rally speeches", "thumbnail": ""}
        self.assertCanCreate(
            self.index,
            NewsPage,
            press_release_form(body=streamfield([("video", video | {"caption": "Saturday's rally"})])),
        )
        html = Client().get(NewsPage.objects.get().url).content.decode()
        self.assertIn('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"', html)
        self.assertIn("Saturday&#x27;s rally", html)
        self.assertNotIn("<iframe", html)

    def test_editor_finds_news_in_the_admin_search(self):
        self.assertCanCreate(self.index, NewsPage, press_release_form())
        response = self.client.get("/admin/pages/search/", {"q": "recall"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Unions back the recall conference")
