import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventKind, EventPage
from letters.models import OpenLetterPage
from petitions.models import PetitionPage
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventSpeakerFactory,
    RegistrationFactory,
    in_days,
)
from tests.campaigns.utils import event_form
from tests.factories import ImageFactory, add_pages
from tests.utils import assert_flat_query_budget, assert_no_inline_code
from website.demo import site_tree

UTC = datetime.UTC

# The clocks go forward on Sunday 28 March 2027 and back on Sunday 31 October 2027.
EITHER_SIDE_OF_THE_CLOCKS_CHANGING = [
    ("2027-03-27 14:00", "2027-03-27 16:00", datetime.datetime(2027, 3, 27, 14, 0, tzinfo=UTC)),
    ("2027-04-03 14:00", "2027-04-03 16:00", datetime.datetime(2027, 4, 3, 13, 0, tzinfo=UTC)),
    ("2027-10-30 14:00", "2027-10-30 16:00", datetime.datetime(2027, 10, 30, 13, 0, tzinfo=UTC)),
    ("2027-11-06 14:00", "2027-11-06 16:00", datetime.datetime(2027, 11, 6, 14, 0, tzinfo=UTC)),
]


class TestOrganisersPath(WagtailPageTestCase):
    """Organisers create campaigns and events through the admin's own forms."""

    def setUp(self):
        self.login()
        self.home = site_tree().root_page.specific
        self.campaigns = CampaignIndexPageFactory(parent=self.home)
        self.events = EventIndexPageFactory(parent=self.home)

    def test_page_tree_rules(self):
        # Both index pages go under the home page; HomePage.subpage_types (home/) must list them too.
        self.assertEqual(CampaignIndexPage.parent_page_types, ["home.HomePage"])
        self.assertEqual(EventIndexPage.parent_page_types, ["home.HomePage"])
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        # A petition goes under its campaign (petitions/).
        self.assertAllowedSubpageTypes(CampaignPage, {PetitionPage, OpenLetterPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertEqual((CampaignIndexPage.max_count, EventIndexPage.max_count), (1, 1))

    def test_every_page_and_route_renders_and_an_event_previews(self):
        event = EventPageFactory(parent=self.events)
        for page in (event, CampaignPageFactory(parent=self.campaigns), self.events, self.campaigns):
            self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(event, route_path="/add-to-calendar/")

        preview_url = f"/admin/pages/{event.pk}/edit/preview/"
        response = self.client.post(preview_url, event_form(title="Rally in preview", slug=event.slug))
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        self.assertContains(self.client.get(preview_url), "Rally in preview")

    def test_organiser_creates_an_event_for_a_campaign(self):
        campaign = CampaignPageFactory(parent=self.campaigns, title="Recall conference")
        self.assertCanCreate(self.events, EventPage, event_form(campaign=str(campaign.pk)))
        event = EventPage.objects.get(slug="rally")
        self.assertEqual(event.campaign_id, campaign.pk)
        response = self.client.get(event.url)
        self.assertContains(response, "Speakers include Richard Burgon.")
        self.assertContains(response, "Step-free entrance.")
        self.assertContains(response, "Conway Hall")
        self.assertContains(response, 'href="https://www.youtube.com/live/ReClAiMdEm0"')
        self.assertContains(self.client.get(campaign.url), "Rally to reclaim democracy")

    def test_a_livestream_address_must_be_a_stream_the_site_recognises(self):
        for address in ("https://www.youtube.com/", "https://www.youtube.com/@broadleft", "https://example.org/live"):
            with self.subTest(address=address):
                response = self.client.post(
                    f"/admin/pages/add/campaigns/eventpage/{self.events.pk}/", event_form(livestream_url=address)
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "This is not a stream address we recognise")
                self.assertFalse(EventPage.objects.filter(slug="rally").exists())

    def test_times_entered_in_uk_time_are_stored_and_shown_right_either_side_of_the_clocks_changing(self):
        for number, (start, end, stored) in enumerate(EITHER_SIDE_OF_THE_CLOCKS_CHANGING):
            with self.subTest(start=start):
                slug = f"rally-{number}"
                self.assertCanCreate(self.events, EventPage, event_form(slug=slug, start=start, end=end))
                event = EventPage.objects.get(slug=slug)
                self.assertEqual(event.start, stored)
                self.assertEqual(event.end - event.start, datetime.timedelta(hours=2))
                day = datetime.date.fromisoformat(start[:10])
                self.assertContains(self.client.get(event.url), f"{day:%A} {day.day} {day:%B %Y}, 2pm to 4pm")
                calendar = self.client.get(event.url + "add-to-calendar/").content.decode()
                self.assertIn(f"DTSTART:{stored:%Y%m%dT%H%M%S}Z", calendar)

    def test_an_event_overnight_across_the_change_lasts_its_real_length(self):
        # 11pm Saturday to 3am Sunday 28 March 2027: an hour is skipped at 1am, so it lasts three hours.
        self.assertCanCreate(self.events, EventPage, event_form(start="2027-03-27 23:00", end="2027-03-28 03:00"))
        event = EventPage.objects.get(slug="rally")
        self.assertEqual(event.end - event.start, datetime.timedelta(hours=3))
        self.assertContains(self.client.get(event.url), "Saturday 27 March 2027 at 11pm to Sunday 28 March 2027 at 3am")

    def test_an_event_must_end_after_it_starts_and_a_rally_needs_a_place(self):
        response = self.client.post(
            f"/admin/pages/add/campaigns/eventpage/{self.events.pk}/",
            event_form(end="2027-03-27 13:00", venue_name="", **{"action-publish": "publish"}),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The end must come after the start.")
        self.assertContains(response, "Say where the event is, or make it an online event.")
        self.assertFalse(EventPage.objects.filter(slug="rally").exists())

    def test_an_online_event_needs_no_venue(self):
        self.assertCanCreate(
            self.events, EventPage, event_form(kind=EventKind.ONLINE, venue_name="", address="", capacity="")
        )
        response = self.client.get(EventPage.objects.get(slug="rally").url)
        self.assertContains(response, "<dd>Online</dd>", html=False)


@pytest.mark.django_db
def test_upcoming_and_past_events_are_listed_apart(client, event_index):
    EventPageFactory(parent=event_index, title="Next Saturday's rally", start=in_days(5))
    EventPageFactory(parent=event_index, title="Last spring's rally", start=in_days(-200))
    html = client.get(event_index.url).content.decode()
    upcoming, past = html.split('id="past-heading"')
    assert "Next Saturday" in upcoming and "Last spring" not in upcoming
    assert "Last spring" in past and "Past event" in past
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_a_past_event_says_so_and_takes_no_registrations(client, event_index):
    event = EventPageFactory(parent=event_index, start=in_days(-3))
    html = client.get(event.url).content.decode()
    assert "This event has finished, so registration is closed." in html
    assert "<form" not in html.split('id="register-heading"')[1].split("</section>")[0]
    response = client.post(event.url, {"name": "Late", "email": "late@example.org"})
    assert response.status_code == 200
    assert "registration is closed" in response.content.decode()
    assert not event.registrations.exists()


@pytest.mark.django_db
def test_an_event_happening_now_still_takes_registrations(client, event_index):
    now = timezone.now()
    event = EventPageFactory(
        parent=event_index, start=now - datetime.timedelta(minutes=30), end=now + datetime.timedelta(hours=1)
    )
    assert 'name="email"' in client.get(event.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=abc", "?page=99999", "?page=0"])
def test_odd_page_numbers_on_the_event_list_get_a_page(client, event_index, query):
    for days in range(1, 15):
        EventPageFactory(parent=event_index, start=in_days(-days))
    assert client.get(f"{event_index.url}{query}").status_code == 200


@pytest.mark.django_db
def test_event_index_queries_do_not_grow_with_events(client, event_index, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index)
    picture = ImageFactory()

    def add_events(count):
        # Every other card with a picture, each with a line-up of two; made in bulk.
        days = [number + 1 if number % 2 else -(number + 1) for number in range(count)]
        events = [
            EventPageFactory.build(start=in_days(day), campaign=campaign, hero_image=picture if number % 2 else None)
            for number, day in enumerate(days)
        ]
        add_pages(event_index, events)
        for event in events:
            EventSpeakerFactory.create_batch(2, page=event)

    assert_flat_query_budget(client, event_index.url, add_events, budget=19)


@pytest.mark.django_db
def test_event_page_queries_do_not_grow_with_registrations(client, event_index, campaign_index):
    event = EventPageFactory(parent=event_index, capacity=1000, campaign=CampaignPageFactory(parent=campaign_index))

    photo = ImageFactory()

    def add_registrations(count):
        for _ in range(count):
            RegistrationFactory(event=event, place=event.registrations.count() + 1)
        # A long line-up with portraits costs no more than a short one.
        EventSpeakerFactory.create_batch(count // 10 or 1, page=event, photo=photo)

    assert_flat_query_budget(client, event.url, add_registrations, budget=17)


@pytest.mark.django_db
def test_events_added_in_bulk_are_indexed_in_the_same_queries_however_many(event_index):
    # One query per event (its own table's row); the search index reads each event's speakers, fetched for all the
    # events at once rather than per event and indexed column.
    def queries_to_add(count):
        with CaptureQueriesContext(connection) as queries:
            add_pages(event_index, [EventPageFactory.build(start=in_days(7 + day)) for day in range(count)])
        return len(queries)

    queries_to_add(1)  # what is looked up once and kept (content types) is out of the way
    assert queries_to_add(20) - queries_to_add(2) == 18
