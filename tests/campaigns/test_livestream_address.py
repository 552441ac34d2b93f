"""Only a real stream is offered as "Watch live": on the event page, in its registration e-mail and in its calendar
file. An address the site does not recognise (one stored before the admin refused it, such as the demo's old
https://www.youtube.com/) is left out of all three."""

import pytest
from django.core import mail

from campaigns.demo import NEC_RALLY_STREAM_URL, RALLY_STREAM_URL
from campaigns.models import EventPage
from tests.campaigns.factories import EventPageFactory
from website.video_urls import parse_video_url

STREAM = "https://www.youtube.com/live/ReClAiMdEm0"
PERSON = {"name": "Ada", "email": "ada@example.org", "postcode": "", "organisation": "", "nickname": ""}


def what_a_visitor_gets(client, event):
    page = client.get(event.url).content.decode()
    client.post(event.url, PERSON)
    [email] = mail.outbox
    calendar = client.get(f"{event.url}add-to-calendar/").content.decode()
    return page, email.body, calendar.replace("\r\n ", "")


@pytest.mark.django_db
def test_a_stream_address_is_offered_everywhere(client, event_index):
    event = EventPageFactory(parent=event_index, livestream_url=STREAM)
    page, email, calendar = what_a_visitor_gets(client, event)
    assert f'href="{STREAM}"' in page and "Watch live" in page
    assert f"Livestream: {STREAM}" in email
    assert f"Livestream: {STREAM}" in calendar


@pytest.mark.django_db
def test_a_sites_home_page_is_not_offered_as_a_livestream(client, event_index):
    event = EventPageFactory(parent=event_index)
    # Stored before the admin refused such addresses.
    EventPage.objects.filter(pk=event.pk).update(livestream_url="https://www.youtube.com/")
    event.refresh_from_db()
    page, email, calendar = what_a_visitor_gets(client, event)
    assert "Watch live" not in page and 'href="https://www.youtube.com/"' not in page
    assert "Livestream" not in email
    assert "Livestream" not in calendar


@pytest.mark.django_db
def test_the_demos_rallies_stream_from_real_stream_addresses(demo_site):
    addresses = set(EventPage.objects.exclude(livestream_url="").values_list("livestream_url", flat=True))
    assert addresses == {RALLY_STREAM_URL, NEC_RALLY_STREAM_URL}
    assert all(parse_video_url(address) for address in addresses)
