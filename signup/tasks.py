"""The sign-up's e-mail, sent after the record is saved, from a task so a mail outage never reaches the visitor."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from signup.links import confirmation_token, unsubscribe_token
from signup.models import Supporter, SupporterStatus
from website.addresses import site_url
from website.mail import Outbox


def confirmation_message(supporter):
    """The confirmation e-mail, with the newest link; None once there is nobody to send it to."""
    if not supporter.email or supporter.page_id is None or supporter.status == SupporterStatus.UNSUBSCRIBED:
        return None
    unsubscribe_url = site_url(reverse("signup_unsubscribe", args=[unsubscribe_token(supporter)]))
    details = supporter.pending_changes or {}
    context = {
        "name": details.get("name", supporter.name),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "confirm_url": site_url(reverse("signup_confirm", args=[confirmation_token(supporter)])),
        "unsubscribe_url": unsubscribe_url,
    }
    return EmailMessage(
        subject=f"Please confirm your sign-up to the {settings.WAGTAIL_SITE_NAME}",
        body=render_to_string("signup/confirmation_email.txt", context),
        to=[supporter.email],
        # One-click unsubscribe from the mail program itself (RFC 8058).
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


CONFIRMATIONS = Outbox(
    Supporter, "confirmation_sent_at", "confirmation_claimed_at", confirmation_message, "the sign-up confirmation"
)


@task()
def send_confirmation(supporter_id):
    """Sends the confirmation e-mail once. On failure the record is left unsent, for `send_signup_emails` to retry."""
    return CONFIRMATIONS.send_logged(supporter_id)
