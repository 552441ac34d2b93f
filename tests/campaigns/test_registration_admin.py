import csv
import io

import pytest
from openpyxl import load_workbook

from tests.campaigns.factories import EventPageFactory, RegistrationFactory

ADMIN_URL = "/admin/campaigns/registration/"


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def two_events(event_index):
    rally = EventPageFactory(parent=event_index, title="Rally to reclaim democracy")
    meeting = EventPageFactory(parent=event_index, title="Organising meeting")
    RegistrationFactory(event=rally, name="Rebecca", email="rebecca@example.org", organisation="=HYPERLINK(1)", place=1)
    RegistrationFactory(event=rally, name="John", email="john@example.org", waitlisted=True)
    RegistrationFactory(event=meeting, name="Zarah", email="zarah@example.org")
    return rally, meeting


@pytest.mark.django_db
def test_organisers_list_and_filter_registrations_by_event(admin_client, two_events):
    rally, meeting = two_events
    everyone = admin_client.get(ADMIN_URL).content.decode()
    assert all(name in everyone for name in ("Rebecca", "John", "Zarah"))
    at_the_rally = admin_client.get(f"{ADMIN_URL}?event={rally.pk}").content.decode()
    assert "Rebecca" in at_the_rally and "Zarah" not in at_the_rally
    for odd in ("abc", "²", "9" * 30):
        assert admin_client.get(f"{ADMIN_URL}?event={odd}").status_code == 200
    waitlist = admin_client.get(f"{ADMIN_URL}?waitlisted__exact=1").content.decode()
    assert "John" in waitlist and "Rebecca" not in waitlist


@pytest.mark.django_db
def test_organisers_search_registrations(admin_client, two_events):
    found = admin_client.get(f"{ADMIN_URL}?q=zarah").content.decode()
    assert "zarah@example.org" in found and "rebecca@example.org" not in found


@pytest.mark.django_db
def test_organisers_export_an_events_registrations_as_csv_safely(admin_client, two_events):
    rally, _ = two_events
    response = admin_client.get(f"{ADMIN_URL}?event={rally.pk}&export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert sorted(row["Name"] for row in rows) == ["John", "Rebecca"]
    rebecca = next(row for row in rows if row["Name"] == "Rebecca")
    assert rebecca["Email"] == "rebecca@example.org"
    assert rebecca["Organisation"] == "'=HYPERLINK(1)"  # a formula arrives as text
    assert {row["Status"] for row in rows} == {"Registered", "On the waitlist"}


@pytest.mark.django_db
def test_organisers_export_registrations_as_xlsx(admin_client, two_events):
    response = admin_client.get(f"{ADMIN_URL}?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(body(response))).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["John", "Rebecca", "Zarah"]


@pytest.mark.django_db
def test_organisers_inspect_a_registration(admin_client, two_events):
    rally, _ = two_events
    registration = rally.registrations.get(name="Rebecca")
    response = admin_client.get(f"{ADMIN_URL}inspect/{registration.pk}/")
    assert response.status_code == 200
    assert "rebecca@example.org" in response.content.decode()
