"""Where a signature stands, shared by the models and the queries that list them."""

import secrets

from django.db import models


class SignatoryStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Waiting for e-mail confirmation"
    PENDING = "pending", "Waiting for a moderator"
    APPROVED = "approved", "Approved: shown on the letter"
    REJECTED = "rejected", "Rejected: not shown"


def new_nonce():
    return secrets.token_urlsafe(16)
