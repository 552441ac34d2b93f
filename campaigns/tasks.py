import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from campaigns.models import Registration

logger = logging.getLogger(__name__)


@task()
def send_registration_confirmation(registration_id, confirmation_url, calendar_url):
    """E-mails the person their place (or waitlist place). A failure is logged; the registration stays."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    context = {
        "registration": registration,
        "event": registration.event,
        "confirmation_url": confirmation_url,
        "calendar_url": calendar_url,
    }
    subject = f"{registration.status}: {registration.event.title}"
    try:
        send_mail(
            subject,
            render_to_string("campaigns/emails/registration_confirmation.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [registration.email],
        )
    except Exception:
        logger.exception("Could not send the confirmation for registration %s", registration_id)
        return False
    Registration.objects.filter(pk=registration_id).update(confirmation_sent_at=timezone.now())
    return True
