import datetime
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client, override_settings

from campaigns import places
from campaigns.models import Registration
from tests.campaigns.factories import EventPageFactory, RegistrationFactory
from tests.campaigns.utils import PERSON
from tests.utils import assert_no_inline_code, caching


@pytest.fixture
def rally(event_index):
    return EventPageFactory(parent=event_index, title="Rally to reclaim democracy", capacity=2)


def register(client, event, **fields):
    return client.post(event.url, {**PERSON, **fields})


@pytest.mark.django_db
def test_a_visitor_registers_and_gets_a_confirmation_page_and_email(client, rally):
    response = register(client, rally)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{rally.url}received/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    assert (registration.name, registration.postcode, registration.place, registration.waitlisted) == (
        "Rebecca Long-Bailey",
        "M6 5FX",
        1,
        False,
    )
    assert registration.confirmation_sent_at is not None

    page = client.get(f"{rally.url}registered/{registration.token}/")
    html = page.content.decode()
    assert "You are registered" in html and "rebecca@example.org" in html
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert_no_inline_code(html)

    [email] = mail.outbox
    assert email.to == ["rebecca@example.org"]
    assert email.subject == "Registered: Rally to reclaim democracy"
    assert "Your place at Rally to reclaim democracy is booked." in email.body
    assert f"http://testserver{rally.url}add-to-calendar/" in email.body
    assert f"http://testserver{rally.url}registered/{registration.token}/" in email.body


@pytest.mark.django_db
def test_the_event_page_with_its_form_is_the_same_for_everyone_and_holds_no_token(client, rally):
    response = client.get(rally.url)
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()
    assert "data-csrf-url" in response.content.decode()
    assert "private" not in response.get("Cache-Control", "")
    assert_no_inline_code(response.content.decode())


@pytest.mark.django_db
def test_someone_else_cannot_read_a_confirmation_without_its_token(client, rally):
    register(client, rally)
    assert client.get(f"{rally.url}registered/00000000-0000-0000-0000-000000000000/").status_code == 404


@pytest.mark.django_db
def test_one_registration_per_email_per_event_whatever_the_case(client, rally, event_index):
    register(client, rally)
    response = register(client, rally, email="Rebecca@Example.ORG", name="Someone else")
    assert response.status_code == 302
    assert Registration.objects.get().name == "Rebecca Long-Bailey"
    # The same person may register for another event.
    other = EventPageFactory(parent=event_index)
    assert register(client, other).status_code == 302


@pytest.mark.django_db
def test_the_database_itself_refuses_a_second_registration_for_the_same_email(rally):
    RegistrationFactory(event=rally, email="rebecca@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=rally, email="REBECCA@example.org")


@pytest.mark.django_db
def test_once_full_people_join_a_waitlist_and_are_told_so_plainly(client, rally):
    register(client, rally, email="one@example.org")
    register(client, rally, email="two@example.org")
    page = client.get(rally.url).content.decode()
    assert "This event is full. You can still register: you will join the waitlist" in page
    assert "Join the waitlist" in page

    register(client, rally, email="three@example.org")
    third = Registration.objects.get(email="three@example.org")
    confirmation = client.get(f"{rally.url}registered/{third.token}/").content.decode()
    assert "You are on the waitlist" in confirmation
    assert third.waitlisted and third.place is None
    assert mail.outbox[-1].subject == "On the waitlist: Rally to reclaim democracy"
    assert Registration.objects.filter(waitlisted=False).count() == 2


@pytest.mark.django_db
def test_the_kept_event_page_says_full_once_the_last_place_goes_and_open_once_one_frees(
    client, rally, django_capture_on_commit_callbacks
):
    """The caches keep the event page; taking the last place, or freeing one at a full event, makes them forget it,
    and nothing else does (a launch's registrations must not empty the caches one by one)."""
    reader = Client()
    with caching(PAGE_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=120):
        assert "This event is full" not in reader.get(rally.url).content.decode()
        assert reader.get(rally.url)["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            register(client, rally, email="one@example.org")
        assert reader.get(rally.url)["X-Page-Cache"] == "hit"  # a place is left: the kept page is still true
        with django_capture_on_commit_callbacks(execute=True):
            register(client, rally, email="two@example.org")
        full = reader.get(rally.url)
        assert full["X-Page-Cache"] == "miss" and "This event is full" in full.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            register(client, rally, email="three@example.org")  # to the waitlist: the page was already right
        assert reader.get(rally.url)["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            Registration.objects.get(email="one@example.org").delete()
        freed = reader.get(rally.url).content.decode()
        assert "This event is full" not in freed and "Join the waitlist" not in freed


@pytest.mark.django_db
def test_a_place_freed_by_a_cancellation_is_taken_again(rally):
    first = RegistrationFactory(event=rally, place=1)
    RegistrationFactory(event=rally, place=2)
    first.delete()
    newcomer = places.register(rally, Registration(name="Newcomer", email="new@example.org"))
    assert (newcomer.place, newcomer.waitlisted) == (1, False)


@pytest.mark.django_db
def test_an_event_without_a_limit_never_fills(client, event_index):
    event = EventPageFactory(parent=event_index, capacity=None)
    for number in range(5):
        register(client, event, email=f"person{number}@example.org")
    assert Registration.objects.filter(event=event, waitlisted=False).count() == 5
    assert "full" not in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_registration_and_shows_the_confirmation(client, rally, caplog):
    refused = ConnectionRefusedError("no mail server")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refused):
        response = register(client, rally)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.confirmation_sent_at is None
    assert client.get(response["Location"]).status_code == 200
    assert "Could not send the registration confirmation" in caplog.text


@pytest.mark.django_db
def test_a_queue_failure_keeps_the_registration_too(client, rally, caplog):
    with mock.patch("campaigns.views.send_registration_confirmation") as task:
        task.enqueue.side_effect = RuntimeError("queue down")
        response = register(client, rally)
    assert response.status_code == 302
    assert Registration.objects.count() == 1
    assert "Could not queue the confirmation" in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "   "}, "This field is required."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"email": ""}, "This field is required."),
        ({"postcode": "ABC 123"}, "doesn&#x27;t look like a UK postcode"),
        ({"name": "x" * 5000}, "Ensure this value has at most 200 characters"),
        ({"accessibility_needs": "x" * 100_000}, "Ensure this value has at most 1000 characters"),
        ({"organisation": "x" * 201}, "Ensure this value has at most 200 characters"),
        ({"nickname": "I am a bot"}, "leave the last field empty"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, rally, fields, message):
    response = register(client, rally, **fields)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Your registration is not sent yet" in html
    assert not Registration.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
@override_settings(REGISTRATION_RATE_LIMIT="10/h")
def test_a_flood_of_posts_from_one_address_is_told_to_wait(client, rally):
    statuses = [register(client, rally, email=f"flood{number}@example.org").status_code for number in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert Registration.objects.count() == 10


@pytest.mark.django_db
def test_registration_closes_when_organisers_close_it(client, event_index):
    event = EventPageFactory(parent=event_index, registration_open=False)
    assert "Registration for this event is closed." in client.get(event.url).content.decode()
    register(client, event)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_add_to_calendar_is_a_valid_icalendar_file(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Rally; to reclaim, democracy \\ now",
        start=datetime.datetime(2027, 4, 3, 13, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 4, 3, 15, 30, tzinfo=datetime.UTC),
        venue_name="Conway Hall",
        address="25 Red Lion Square\nLondon WC1R 4RL",
        listing_summary="Speakers: Richard Burgon, Zarah Sultana and many more from unions across the country. " * 2,
    )
    response = client.get(f"{event.url}add-to-calendar/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    raw = response.content
    assert raw.endswith(b"\r\n")
    physical_lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(physical_lines), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in physical_lines), "long lines are folded at 75 octets"
    unfolded = raw.decode().replace("\r\n ", "").split("\r\n")
    properties = dict(line.split(":", 1) for line in unfolded if line)
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-2] == "END:VCALENDAR"
    assert properties["VERSION"] == "2.0" and properties["PRODID"]
    assert properties["UID"] == f"event-{event.pk}@testserver"
    assert properties["DTSTART"] == "20270403T130000Z"
    assert properties["DTEND"] == "20270403T153000Z"
    assert properties["SUMMARY"] == "Rally\\; to reclaim\\, democracy \\\\ now"
    assert properties["LOCATION"] == "Conway Hall\\, 25 Red Lion Square\\, London WC1R 4RL"
    assert properties["DESCRIPTION"].startswith("Speakers: Richard Burgon\\, Zarah Sultana")
    assert properties["URL"] == f"http://testserver{event.url}"
    assert "DTSTAMP" in properties
