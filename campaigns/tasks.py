import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from campaigns.models import Registration
from website.addresses import page_site_url

logger = logging.getLogger(__name__)


def registration_links(registration):
    """The registration's own page and the event's calendar file, on the site's configured address."""
    event = registration.event
    return {
        "confirmation_url": page_site_url(event, event.reverse_subpage("registered", args=[registration.token])),
        "calendar_url": page_site_url(event, event.reverse_subpage("calendar")),
    }


def _mail_registration(registration_id, template, subject, what):
    """E-mails a registration's owner; True if it went. A failure is logged; the registration stays."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    context = {"registration": registration, "event": registration.event, **registration_links(registration)}
    try:
        send_mail(
            subject(registration),
            render_to_string(template, context),
            settings.DEFAULT_FROM_EMAIL,
            [registration.email],
        )
    except Exception:
        logger.exception("Could not send %s for registration %s", what, registration_id)
        return False
    return True


@task()
def send_registration_confirmation(registration_id, *_addresses):
    """E-mails the person their place (or waitlist place).

    (Tasks queued by an earlier release passed the links, built from the request, as arguments: they are ignored.)"""
    sent = _mail_registration(
        registration_id,
        "campaigns/emails/registration_confirmation.txt",
        lambda registration: f"{registration.status}: {registration.event.title}",
        "the confirmation",
    )
    if sent:
        Registration.objects.filter(pk=registration_id).update(confirmation_sent_at=timezone.now())
    return sent


@task()
def send_already_registered(registration_id):
    """Someone registered again with an address already registered: its owner, not the form, hears of it."""
    return _mail_registration(
        registration_id,
        "campaigns/emails/already_registered.txt",
        lambda registration: f"You are already registered: {registration.event.title}",
        "the already-registered notice",
    )
