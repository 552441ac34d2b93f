"""The event page never shows how many places are left: a repeat registration (an address already registered) would
leave the count as it was while a new one moves it, telling a stranger whether someone is coming."""

import pytest

from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory

FORM = {"name": "Ada Example", "email": "ada@example.org", "postcode": "", "organisation": "", "nickname": ""}


@pytest.fixture
def small_rally(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Small rally", capacity=3)


@pytest.mark.django_db
def test_a_repeat_registration_and_a_new_one_look_the_same_on_the_page(client, small_rally):
    assert client.post(small_rally.url, FORM).status_code == 302
    before = client.get(small_rally.url).content.decode()
    assert "places available" in before and "left)" not in before

    client.post(small_rally.url, {**FORM, "name": "Someone else"})  # the same address again
    after_repeat = client.get(small_rally.url).content.decode()
    client.post(small_rally.url, {**FORM, "email": "new@example.org"})  # a new person
    after_new = client.get(small_rally.url).content.decode()
    assert after_repeat == before == after_new


@pytest.mark.django_db
def test_a_full_event_says_so(client, small_rally):
    for number in range(3):
        client.post(small_rally.url, {**FORM, "email": f"person{number}@example.org"})
    body = client.get(small_rally.url).content.decode()
    assert "(full)" in body and "Join the waitlist" in body and "places available" not in body
