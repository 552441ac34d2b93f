"""The event registration's e-mail, sent after the record is saved, from a task so a mail outage never reaches the
visitor."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django_tasks import task

from campaigns.models import Registration
from website.addresses import page_site_url
from website.mail import Outbox

logger = logging.getLogger(__name__)


def registration_links(registration):
    """The registration's own page and the event's calendar file, on the site's configured address."""
    event = registration.event
    return {
        "confirmation_url": page_site_url(event, event.reverse_subpage("registered", args=[registration.token])),
        "calendar_url": page_site_url(event, event.reverse_subpage("calendar")),
    }


def registration_message(registration):
    """The person's place (or waitlist place), with links built from the site's own address, never a request's."""
    context = {"registration": registration, "event": registration.event, **registration_links(registration)}
    return EmailMessage(
        subject=f"{registration.status}: {registration.event.title}",
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


@task()
def send_already_registered(registration_id):
    """Someone registered again with an address already registered: its owner, not the form, hears of it."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    context = {"registration": registration, "event": registration.event, **registration_links(registration)}
    try:
        send_mail(
            f"You are already registered: {registration.event.title}",
            render_to_string("campaigns/emails/already_registered.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [registration.email],
        )
    except Exception:
        # A notice, not a record's e-mail: nothing to retry, and the registration itself is untouched.
        logger.exception("Could not send the already-registered notice for registration %s", registration_id)
        return False
    return True
