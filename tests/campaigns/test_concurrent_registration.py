"""People registering at the same moment, each on a real database connection of their own."""

import threading

import pytest
from django.db import connections

from campaigns import places
from campaigns.models import Registration
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory
from website.demo import site_tree

PEOPLE, CAPACITY = 50, 20


def register_at_once(event, people):
    """`people` threads, each with its own connection, released together to register for `event`."""
    start = threading.Barrier(people, timeout=30)
    results, errors = [], []

    def arrive(number):
        try:
            start.wait()
            email = f"person{number}@example.org"
            results.append(places.register(event, Registration(name=email, email=email)))
        except Exception as error:  # reported by the caller's assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=arrive, args=(number,)) for number in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


# On SQLite every registration's transaction holds the database's one write lock (BEGIN IMMEDIATE), the others
# waiting their turn; on PostgreSQL each waits for the event's row lock.
@pytest.mark.django_db(transaction=True)
def test_fifty_people_at_once_for_twenty_places_fill_them_and_the_rest_wait_every_time():
    events = EventIndexPageFactory(parent=site_tree().root_page)
    for _ in range(3):
        rally = EventPageFactory(parent=events, capacity=CAPACITY)
        results, errors = register_at_once(rally, PEOPLE)
        assert not errors
        assert len(results) == PEOPLE
        placed = Registration.objects.filter(event=rally, waitlisted=False)
        assert sorted(placed.values_list("place", flat=True)) == list(range(1, CAPACITY + 1))
        waitlisted = Registration.objects.filter(event=rally, waitlisted=True, place__isnull=True)
        assert waitlisted.count() == PEOPLE - CAPACITY


@pytest.mark.django_db(transaction=True)
def test_the_last_place_goes_to_one_of_two_people_arriving_together():
    events = EventIndexPageFactory(parent=site_tree().root_page)
    rally = EventPageFactory(parent=events, capacity=1)
    results, errors = register_at_once(rally, 2)
    assert not errors
    assert sorted((registration.place or 0, registration.waitlisted) for registration in results) == [
        (0, True),
        (1, False),
    ]
