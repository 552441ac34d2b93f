"""How long event registrations are kept: run daily by `apply_retention`, registered in campaigns/apps.py.

A registration says someone went to a political event, and its accessibility needs may be health data: once the
event is over by REGISTRATION_RETENTION_DAYS, the person's details go and only the count of places stays.
"""

from datetime import timedelta

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from website.personal_data import Retention

from .models import Registration

# An address nobody has (RFC 2606's .invalid), unique per record: one address per event stays a rule.
ANONYMISED_DOMAIN = "@anonymised.invalid"


def anonymous_email():
    return Concat(Value("registration-"), Cast("id", CharField()), Value(ANONYMISED_DOMAIN))


ANONYMISED = {"name": "", "postcode": "", "organisation": "", "accessibility_needs": ""}


def anonymise_after_events(now, days):
    count = (
        Registration.objects.filter(event__end__lt=now - timedelta(days=days))
        .exclude(email__endswith=ANONYMISED_DOMAIN)
        .update(email=anonymous_email(), **ANONYMISED)
    )
    return f"anonymised {count} registration{'' if count == 1 else 's'} for events over {days} days ago"


RULES = [
    Retention(
        "REGISTRATION_RETENTION_DAYS",
        "Event registrations (with any accessibility needs) are anonymised {days} days after the event ends; the "
        "number of places taken stays.",
        anonymise_after_events,
    )
]
