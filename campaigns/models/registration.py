import uuid

from django.db import models
from django.db.models.functions import Lower


class Registration(models.Model):
    """Someone who registered for an event: a place, or a place on the waitlist once the event is full."""

    # Kept out of Wagtail's reference index: a visitor's record is nobody's "usage" of a page, and indexing it
    # would queue a task for every action on launch day (website/personal_data.py).
    wagtail_reference_index_ignore = True

    event = models.ForeignKey(
        "campaigns.EventPage", on_delete=models.CASCADE, related_name="registrations", help_text="The event."
    )
    name = models.CharField(max_length=200, help_text="The name they gave.")
    email = models.EmailField(max_length=254, help_text="Where their confirmation went.")
    postcode = models.CharField(max_length=10, blank=True, help_text="Their postcode, if they gave it.")
    organisation = models.CharField(
        max_length=200, blank=True, help_text="The union, group or organisation they come from, if any."
    )
    accessibility_needs = models.TextField(
        blank=True, max_length=1000, help_text="What they need to take part: access, BSL, seating, anything else."
    )
    # A numbered place (1…capacity) makes the database itself refuse a second person in the same place, so two
    # registrations arriving at once can never both take the last one.
    place = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="Their place at a limited event; none on the waitlist."
    )
    waitlisted = models.BooleanField(
        default=False, editable=False, help_text="They registered when the event was full."
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, help_text="When they registered.")
    confirmation_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the confirmation e-mail went out; blank if it failed."
    )
    # Set by whoever is sending the confirmation, so that it goes once (website/mail.py).
    confirmation_claimed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When a sender took on the confirmation e-mail."
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "event", name="campaigns_one_registration_per_email"),
            models.UniqueConstraint(fields=["event", "place"], name="campaigns_one_person_per_place"),
        ]

    def __str__(self):
        return f"{self.name} for {self.event.title}"

    @property
    def status(self):
        return "On the waitlist" if self.waitlisted else "Registered"
