"""A signature, which counts once its e-mail address is confirmed, and the counter each petition keeps of them.

The count is a row of its own (not a field on the page, which publishing a revision would write back), raised by
one with F() in the transaction that confirms a signature: showing it costs one row however many have signed.
"""

import secrets

from django.db import models
from django.db.models.functions import Lower

from petitions.models.petition import PetitionPage


def new_nonce():
    return secrets.token_urlsafe(16)


class NameReview(models.TextChoices):
    """Where a name its signer asked to show stands: public names need a moderator's look first (petitions/names.py)."""

    PENDING = "pending", "waiting for a moderator"
    SHOWN = "shown", "shown on the petition"
    HIDDEN = "hidden", "kept off the petition"


class Signature(models.Model):
    """Someone's signature on one petition, what they agreed to, and where their confirmation stands."""

    # Kept out of Wagtail's reference index: a visitor's record is nobody's "usage" of a page, and indexing it
    # would queue a task for every action on launch day (website/personal_data.py).
    wagtail_reference_index_ignore = True

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="signatures")
    name = models.CharField(max_length=100)
    # Null once anonymised, so the unique address constraint never collides.
    email = models.EmailField(max_length=254, null=True)
    postcode = models.CharField(max_length=10, blank=True)
    show_name = models.BooleanField(default=False, verbose_name="show name on the public list")
    name_review = models.CharField(
        max_length=8,
        choices=NameReview.choices,
        default=NameReview.PENDING,
        help_text="Whether a moderator let the name show on the petition's public list (only if they asked).",
    )
    keep_updated = models.BooleanField(default=False, verbose_name="wants e-mail updates")
    consent_text = models.TextField(blank=True, help_text="The consent wording they saw and what they ticked.")
    consent_version = models.CharField(max_length=12, blank=True)
    confirmation_nonce = models.CharField(max_length=32, default=new_nonce)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # Set by whoever is sending the confirmation, so that it goes once (website/mail.py).
    confirmation_claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "petition signature"
        ordering = ["-created_at", "-pk"]  # copies made at one instant (an import) in a stable order
        constraints = [models.UniqueConstraint("petition", Lower("email"), name="one_signature_per_email")]
        indexes = [models.Index(fields=["petition", "confirmed_at"])]
        permissions = [("review_signature_name", "Can review the names shown on a petition")]

    def __str__(self):
        return self.name or f"Anonymised signature {self.pk}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def email_for_updates(self):
        """The address, in an export, only for those who asked to be kept updated."""
        return self.email if self.keep_updated else ""


class SignatureCount(models.Model):
    """How many confirmed signatures a petition has: one row per petition, raised as each is confirmed."""

    petition = models.OneToOneField(PetitionPage, on_delete=models.CASCADE, primary_key=True)
    confirmed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "signature count"

    def __str__(self):
        return f"{self.confirmed} signatures"
