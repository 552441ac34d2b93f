"""The event registration's e-mail, sent after the record is saved, from a task so a mail outage never reaches the
visitor."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django_tasks import task

from campaigns.models import Registration
from website.mail import Outbox


def registration_message(registration):
    """The person's place (or waitlist place), with links built from the site's own address, never a request's."""
    event = registration.event
    page_url = event.get_full_url()
    context = {
        "registration": registration,
        "event": event,
        "confirmation_url": page_url + event.reverse_subpage("registered", args=[registration.token]),
        "calendar_url": page_url + event.reverse_subpage("calendar"),
    }
    return EmailMessage(
        subject=f"{registration.status}: {event.title}",
        body=render_to_string("campaigns/emails/registration_confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )


REGISTRATION_CONFIRMATIONS = Outbox(
    Registration,
    "confirmation_sent_at",
    "confirmation_claimed_at",
    registration_message,
    "the registration confirmation",
)


@task()
def send_registration_confirmation(registration_id, *_addresses):
    """E-mails the person their place once. A failure is logged; the registration stays, for `send_signup_emails`.

    (Tasks queued before the links were built here passed them as arguments; those are ignored.)"""
    return REGISTRATION_CONFIRMATIONS.send_logged(registration_id)
