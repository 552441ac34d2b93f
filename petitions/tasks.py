"""The confirmation e-mail, sent from a task after the signature is saved, claimed first so that it goes once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from petitions.links import confirmation_token
from petitions.models import Signature
from website.addresses import site_url
from website.mail import Outbox


def confirmation_message(signature):
    """The e-mail with the newest link; None once there is nothing to confirm or nobody to send it to."""
    if not signature.email or signature.is_confirmed:
        return None
    context = {
        "name": signature.name,
        "petition": signature.petition,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "confirm_url": site_url(reverse("petitions:confirm", args=[confirmation_token(signature)])),
    }
    return EmailMessage(
        subject=f"Please confirm your signature: {signature.petition.title}",
        body=render_to_string("petitions/confirmation_email.txt", context),
        to=[signature.email],
    )


CONFIRMATIONS = Outbox(
    Signature, "confirmation_sent_at", "confirmation_claimed_at", confirmation_message, "the signature confirmation"
)


@task()
def send_confirmation(signature_id):
    """Sends the confirmation once. On failure the record stays unsent, for `send_petition_emails` to retry."""
    return CONFIRMATIONS.send_logged(signature_id)
