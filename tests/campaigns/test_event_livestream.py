"""An event page's body carries a livestream section: its start time and notice before, a player placeholder during,
the recording after; and no render ever asks an embed provider about it."""

import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.test.utils.form_data import streamfield

from campaigns import demo
from campaigns.models import EventKind, EventPage
from tests.campaigns.factories import EventPageFactory
from tests.campaigns.utils import event_form
from tests.utils import assert_no_inline_code
from website.blocks.livestream import UK, as_uk_time

STREAM = "https://www.youtube.com/live/ReClAiMdEm0"
WATCH = "https://www.youtube.com/watch?v=ReClAiMdEm0"
NOTICE = "Slight delay: the speeches now start at 2:30pm"


def uk_wall_clock(moment):
    """The naive UK time a StreamField stores for an aware `moment`."""
    return moment.astimezone(UK).replace(tzinfo=None, second=0, microsecond=0)


def livestream(starts_at, hours=2, recording_url=""):
    return {
        "title": "Watch the rally live",
        "url": STREAM,
        "starts_at": uk_wall_clock(starts_at),
        "ends_at": uk_wall_clock(starts_at + datetime.timedelta(hours=hours)),
        "notice": NOTICE,
        "recording_url": recording_url,
        "thumbnail": None,
    }


@pytest.fixture
def no_embed_finder():
    """Fails the test if anything asks Wagtail's embed finders (oEmbed providers) about a URL."""
    with (
        mock.patch("wagtail.embeds.embeds.get_embed", side_effect=AssertionError("get_embed called")) as get_embed,
        mock.patch("wagtail.embeds.finders.get_finders", side_effect=AssertionError("finder called")) as finders,
    ):
        yield
    assert not get_embed.called and not finders.called


def stream_section(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_inline_code(html)
    return BeautifulSoup(html, "html.parser").select_one(".event .livestream"), html


@pytest.mark.django_db
def test_before_the_stream_the_event_shows_its_start_time_countdown_and_notice(client, event_index, no_embed_finder):
    starts = timezone.now() + datetime.timedelta(days=3)
    event = EventPageFactory(parent=event_index, start=starts, body=[("livestream", livestream(starts))])
    section, html = stream_section(client, event)
    assert section is not None and "livestream--upcoming" in section["class"]
    time = section.select_one("time[data-countdown]")
    assert time["datetime"] == uk_wall_clock(starts).replace(tzinfo=UK).isoformat()
    assert "(UK time)" in section.get_text()
    assert section.select_one(".livestream__notice").get_text() == NOTICE
    assert section.select_one("a")["href"] == WATCH
    # Under the description, before registration.
    assert html.index("livestream--upcoming") < html.index('id="register-heading"')
    assert "<iframe" not in html and "data-video-player" not in html


@pytest.mark.django_db
def test_during_the_stream_the_player_waits_for_a_press_and_loads_nothing_yet(client, event_index, no_embed_finder):
    starts = timezone.now() - datetime.timedelta(minutes=30)
    event = EventPageFactory(parent=event_index, start=starts, body=[("livestream", livestream(starts))])
    section, html = stream_section(client, event)
    assert section.select_one(".livestream__badge").get_text() == "Live now"
    assert section.select_one(".livestream__notice").get_text() == NOTICE
    player = section.select_one("a[data-video-player]")
    assert player["href"] == WATCH
    assert player["data-video-player"].startswith("https://www.youtube-nocookie.com/embed/ReClAiMdEm0")
    assert "<iframe" not in html


@pytest.mark.django_db
def test_after_the_stream_the_event_offers_its_recording(client, event_index, no_embed_finder):
    starts = timezone.now() - datetime.timedelta(days=2)
    recording = "https://www.youtube.com/watch?v=ReClAiMdEm1"
    event = EventPageFactory(
        parent=event_index, start=starts, body=[("livestream", livestream(starts, recording_url=recording))]
    )
    section, _ = stream_section(client, event)
    assert "This stream has ended. Watch the recording below." in section.get_text()
    assert section.select_one(".livestream__notice") is None
    assert section.select_one("a[data-video-player]")["href"] == recording


@pytest.mark.django_db
def test_an_organiser_adds_a_livestream_section_in_the_admin(admin_client, event_index, no_embed_finder):
    livestream = {
        "title": "Watch the rally live",
        "url": STREAM,
        "starts_at": "2027-03-27 14:00",
        "ends_at": "2027-03-27 16:00",
        "notice": NOTICE,
        "recording_url": "",
        "thumbnail": "",
    }
    form = event_form(
        livestream_url="",
        access_information="",
        capacity="",
        body=streamfield([("livestream", livestream)]),
        **{"action-publish": "publish"},
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/eventpage/{event_index.pk}/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="rally")
    stream = event.body[0]
    assert stream.block_type == "livestream"
    assert as_uk_time(stream.value["starts_at"]) == datetime.datetime(2027, 3, 27, 14, 0, tzinfo=UK)
    section, _ = stream_section(admin_client, event)
    assert section.select_one("time[data-countdown]").get_text() == "Saturday 27 March 2027 at 2pm"


@pytest.mark.django_db
def test_the_admin_refuses_a_livestream_address_it_cannot_play(admin_client, event_index):
    livestream = {"title": "Live", "url": "https://example.org/live", "starts_at": "2027-03-27 14:00"}
    body = streamfield([("livestream", livestream)])
    form = event_form(title="Rally", kind=EventKind.ONLINE, body=body, **{"action-publish": "publish"})
    response = admin_client.post(f"/admin/pages/add/campaigns/eventpage/{event_index.pk}/", form)
    assert response.status_code == 200
    assert "This is not a video address we can show." in response.content.decode()
    assert not EventPage.objects.filter(slug="rally").exists()


@pytest.mark.django_db
def test_the_demo_rally_carries_its_livestream(demo_site, client, no_embed_finder):
    rally = EventPage.objects.get(slug="rally-to-reclaim-democracy")
    (block,) = rally.body
    assert block.block_type == "livestream" and block.value["url"] == demo.RALLY_STREAM_URL
    assert as_uk_time(block.value["starts_at"]) == rally.start
    section, _ = stream_section(client, rally)
    assert "livestream--upcoming" in section["class"]
