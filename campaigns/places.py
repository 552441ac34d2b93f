"""Taking a place at an event, or one on the waitlist once it is full, safely when people register at once.

Everyone registering for a limited event takes the event's lock in turn (a row lock on the event on PostgreSQL; on
SQLite every write transaction begins IMMEDIATE, which holds the database's one write lock: website/config.py), then
looks at the places taken and takes the lowest free one. Nobody can take a place between that look and that save, so
the event is never over capacity and nobody is waitlisted while a place is free. The unique (event, place) constraint
still stands behind it.

The event page says whether places are left ("Register", or "This event is full" and "Join the waitlist"), and the
caches keep that page. So the registration that takes the last place, and a deletion that frees one at a full
event, make the caches forget the page (website/purge.py) once they commit: nobody is offered a place that has gone,
or sent to the waitlist's wording while one is free, for as long as a cache would have kept the page.
"""

from django.db import IntegrityError, transaction

from campaigns.models import EventPage, Registration
from website.purge import forget_page


class AlreadyRegistered(Exception):
    """The address is already registered for the event: `registration` is the one it holds."""

    def __init__(self, registration):
        super().__init__(registration.pk)
        self.registration = registration


def taken_places(event):
    return set(Registration.objects.filter(event=event, place__isnull=False).values_list("place", flat=True))


def free_place(event, taken=None):
    """The lowest free place at a limited event, or None when it is full."""
    taken = taken_places(event) if taken is None else taken
    return next((place for place in range(1, event.capacity + 1) if place not in taken), None)


def register(event, registration):
    """Saves an unsaved Registration for `event`, with a place or on the waitlist. Raises AlreadyRegistered."""
    registration.event = event
    if event.capacity is None:
        return _save(registration)
    with transaction.atomic():
        # Only the event's own row: not Wagtail's page row, which editors' saves lock.
        list(EventPage.objects.select_for_update(of=("self",)).filter(pk=event.pk).values_list("pk", flat=True))
        taken = taken_places(event)
        registration.place = free_place(event, taken)
        registration.waitlisted = registration.place is None
        saved = _save(registration)
        if saved.place is not None and len(taken) + 1 >= event.capacity:
            forget_page(event)  # the last place went: the page now says the event is full
        return saved


def place_freed(sender, instance, **kwargs):
    """After a registration holding a place is deleted (by an editor, an erasure, retention): if the event was full,
    a place is free again and its page must say so. Connected to Registration's post_delete in campaigns/apps.py."""
    if instance.place is None:
        return
    event = EventPage.objects.filter(pk=instance.event_id).first()
    if event is None or event.capacity is None or event.is_past:
        return
    if len(taken_places(event)) == event.capacity - 1:
        forget_page(event)


def _save(registration):
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        registration.pk = None
        existing = Registration.objects.filter(event=registration.event, email__iexact=registration.email).first()
        if existing is not None:
            raise AlreadyRegistered(existing) from None
        raise
    return registration
