"""The signatory's confirmation e-mail, sent from the queue after the signature is saved (website/mail.py)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from letters.choices import SignatoryStatus
from letters.links import confirmation_token
from letters.models import Signatory
from website.addresses import site_url
from website.mail import Outbox


def confirmation_message(signatory):
    """The confirmation e-mail with the newest link; None once there is nothing to confirm (or nobody to tell)."""
    if not signatory.email or signatory.status != SignatoryStatus.UNCONFIRMED:
        return None
    context = {
        "name": signatory.name,
        "letter_title": signatory.letter.title,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "confirm_url": site_url(reverse("letters_confirm", args=[confirmation_token(signatory)])),
    }
    return EmailMessage(
        subject=f"Please confirm your signature: {signatory.letter.title}",
        body=render_to_string("letters/emails/confirmation.txt", context),
        to=[signatory.email],
    )


CONFIRMATIONS = Outbox(
    Signatory, "confirmation_sent_at", "confirmation_claimed_at", confirmation_message, "the signatory's confirmation"
)


@task()
def send_confirmation(signatory_id):
    """Sends the confirmation once; a failure leaves it unsent for `send_letter_emails` to retry."""
    return CONFIRMATIONS.send_logged(signatory_id)
