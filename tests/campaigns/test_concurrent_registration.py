"""Two people taking the last place at the same moment, on two real database connections."""

import threading
from unittest import mock

import pytest
from django.db import connection, connections

from campaigns import places
from campaigns.models import Registration
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory
from website.demo import site_tree


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database has one writer and refuses a second at once rather than waiting",
)
@pytest.mark.django_db(transaction=True)
def test_two_people_registering_at_once_for_the_last_place_get_one_place_and_one_waitlist():
    events = EventIndexPageFactory(parent=site_tree().root_page)
    rally = EventPageFactory(parent=events, capacity=1)
    both_looked = threading.Barrier(2, timeout=10)
    look = places.taken_places
    looks = []

    def look_then_wait(event):
        taken = look(event)
        looks.append(taken)
        if len(looks) <= 2:
            both_looked.wait()  # neither saves until both have seen the place free
        return taken

    results, errors = [], []

    def arrive(email):
        try:
            results.append(places.register(rally, Registration(name=email, email=email)))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    with mock.patch("campaigns.places.taken_places", side_effect=look_then_wait):
        threads = [threading.Thread(target=arrive, args=(f"{name}@example.org",)) for name in ("first", "second")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert not errors
    assert looks[0] == looks[1] == set()
    assert {(registration.place, registration.waitlisted) for registration in results} == {(1, False), (None, True)}
    assert Registration.objects.filter(event=rally, waitlisted=False).count() == 1
    assert Registration.objects.filter(event=rally, waitlisted=True).count() == 1
