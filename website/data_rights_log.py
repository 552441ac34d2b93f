"""The record that a data-rights search, export, correction or erasure happened: by whom, when, how many records.

Never what was found or erased: no name, no e-mail address. The person's address is kept only as a keyed hash
(HMAC with the site's SECRET_KEY), so that a later request from the same address can be matched to this one
("we erased your data on ...") without the log itself naming anyone.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import models


def subject_hash(email):
    key = hmac.new(settings.SECRET_KEY.encode(), b"data-rights-log", hashlib.sha256).digest()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


class DataRightsLog(models.Model):
    class Action(models.TextChoices):
        SEARCH = "search", "Searched"
        EXPORT = "export", "Downloaded everything held (subject access)"
        CORRECT = "correct", "Corrected a record"
        ERASE = "erase", "Erased"

    action = models.CharField(max_length=16, choices=Action.choices, help_text="What was done.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who did it (empty once their account is deleted: the username stays).",
    )
    username = models.CharField(max_length=150, help_text="Who did it, as their username was then.")
    at = models.DateTimeField(auto_now_add=True, help_text="When.")
    subject = models.CharField(
        max_length=64, help_text="A keyed hash of the address searched for: matches a later request, names nobody."
    )
    records = models.PositiveIntegerField(default=0, help_text="How many records it found, changed or erased.")

    class Meta:
        ordering = ["-at"]
        verbose_name = "data-rights log entry"
        verbose_name_plural = "data-rights log"
        # The right to use the data-rights tool; migration 0007 gives it to the Supporter data managers.
        permissions = [("manage_data_rights", "Find, export, correct and erase a person's data")]
        default_permissions = ()

    def __str__(self):
        return f"{self.get_action_display()} by {self.username}, {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, request, action, email, records=0):
        return cls.objects.create(
            action=action,
            user=request.user,
            username=request.user.get_username(),
            subject=subject_hash(email),
            records=records,
        )
