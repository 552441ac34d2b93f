"""An event's line-up: added by organisers in the admin, in order; shown on the event page and its card; found by
search; written into the calendar file."""

import pytest
from bs4 import BeautifulSoup
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import inline_formset

from campaigns.models import EventPage
from tests.campaigns.factories import EventPageFactory, EventSpeakerFactory, in_days
from tests.campaigns.utils import event_form
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rally(event_index):
    event = EventPageFactory(parent=event_index, title="Rally to reclaim democracy", start=in_days(5))
    EventSpeakerFactory(
        page=event, name="Zarah Sultana", role="MP", organisation="", sort_order=1, photo=ImageFactory()
    )
    EventSpeakerFactory(
        page=event, name="Richard Burgon", role="Secretary", organisation="Socialist Campaign Group", sort_order=0
    )
    return event


def test_the_event_page_shows_the_line_up_in_order_with_roles_and_photos(client, rally):
    html = BeautifulSoup(client.get(rally.url).content, "html.parser")
    speakers = html.select(".line-up .speaker")
    assert [speaker.select_one(".speaker__name").get_text() for speaker in speakers] == [
        "Richard Burgon",
        "Zarah Sultana",
    ]
    assert speakers[0].select_one(".speaker__role").get_text() == "Secretary, Socialist Campaign Group"
    assert speakers[1].select_one(".speaker__role").get_text() == "MP"
    assert speakers[1].select_one("picture img") is not None
    assert speakers[0].select_one("picture") is None  # no photo: an initial, hidden from screen readers


def test_cards_name_the_speakers(client, rally, event_index):
    html = BeautifulSoup(client.get(event_index.url).content, "html.parser")
    assert html.select_one(".event-card__speakers").get_text() == "With Richard Burgon and Zarah Sultana"


def test_a_speakers_name_finds_the_event(client, rally):
    get_search_backend().add(rally)
    html = client.get("/search/", {"q": "Sultana"}).content.decode()
    assert "Rally to reclaim democracy" in html
    assert list(EventPage.objects.live().search("Burgon")) == [rally]


def test_the_calendar_file_lists_the_speakers(client, rally):
    ics = client.get(rally.calendar_url).content.decode()
    unfolded = ics.replace("\r\n ", "")
    description = next(line for line in unfolded.split("\r\n") if line.startswith("DESCRIPTION:"))
    assert "Speakers: Richard Burgon (Secretary\\, Socialist Campaign Group)\\; Zarah Sultana (MP)" in description


def test_an_organiser_adds_the_line_up_in_the_admin(admin_client, event_index):
    data = event_form(
        speakers=inline_formset(
            [
                {"name": "Richard Burgon", "role": "Secretary", "organisation": "Campaign Group", "photo": ""},
                {"name": "Apsana Begum", "role": "MP", "organisation": "", "photo": ""},
            ]
        ),
        **{"action-publish": "action-publish"},
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/eventpage/{event_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="rally")
    assert [(speaker.name, speaker.role) for speaker in event.speakers.all()] == [
        ("Richard Burgon", "Secretary"),
        ("Apsana Begum", "MP"),
    ]


def test_the_demo_rally_bills_richard_burgon(client, demo_site):
    rally = EventPage.objects.get(slug="rally-to-reclaim-democracy")
    assert [(speaker.name, speaker.role, speaker.organisation) for speaker in rally.speakers.all()] == [
        ("Richard Burgon", "Secretary", "Socialist Campaign Group of Labour MPs")
    ]
    assert "With Richard Burgon" in client.get("/events/").content.decode()
