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


def _mail_registration(registration, template, subject):
    context = {"registration": registration, "event": registration.event, **registration_links(registration)}
    send_mail(subject, render_to_string(template, context), settings.DEFAULT_FROM_EMAIL, [registration.email])


@task()
def send_registration_confirmation(registration_id, *_addresses):
    """E-mails the person their place (or waitlist place). A failure is logged; the registration stays.

    (Tasks queued by an earlier release passed the links, built from the request, as arguments: they are ignored.)"""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    subject = f"{registration.status}: {registration.event.title}"
    try:
        _mail_registration(registration, "campaigns/emails/registration_confirmation.txt", subject)
    except Exception:
        logger.exception("Could not send the confirmation for registration %s", registration_id)
        return False
    Registration.objects.filter(pk=registration_id).update(confirmation_sent_at=timezone.now())
    return True


@task()
def send_already_registered(registration_id):
    """Someone registered again with an address already registered: its owner, not the form, hears of it."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    subject = f"You are already registered: {registration.event.title}"
    try:
        _mail_registration(registration, "campaigns/emails/already_registered.txt", subject)
    except Exception:
        logger.exception("Could not send the already-registered notice for registration %s", registration_id)
        return False
    return True
