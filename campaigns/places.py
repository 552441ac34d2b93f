"""Taking a place at an event, or one on the waitlist once it is full, safely when people register at once."""

from django.db import IntegrityError, transaction

from campaigns.models import Registration

# Each attempt loses only to someone who took the same place at the same moment; a few are plenty.
ATTEMPTS = 5


class AlreadyRegistered(Exception):
    """The address is already registered for the event: `registration` is the one it holds."""

    def __init__(self, registration):
        super().__init__(registration.pk)
        self.registration = registration


def taken_places(event):
    return set(Registration.objects.filter(event=event, place__isnull=False).values_list("place", flat=True))


def free_place(event):
    """The lowest free place at a limited event, or None when it is full."""
    taken = taken_places(event)
    return next((place for place in range(1, event.capacity + 1) if place not in taken), None)


def register(event, registration):
    """Saves an unsaved Registration for `event`, with a place or on the waitlist. Raises AlreadyRegistered."""
    registration.event = event
    if event.capacity is None:
        return _save(registration)
    for _ in range(ATTEMPTS):
        registration.place = free_place(event)
        registration.waitlisted = registration.place is None
        try:
            return _save(registration)
        except IntegrityError:
            # Someone took this place between our look and our save: look again.
            registration.pk = None
    registration.place, registration.waitlisted = None, True
    return _save(registration)


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
