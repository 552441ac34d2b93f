"""The sign-up's e-mail, sent after the record is saved, from a task so a mail outage never reaches the visitor."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from signup.links import confirmation_token, unsubscribe_token

logger = logging.getLogger(__name__)


@task()
def send_confirmation(supporter_id):
    """Sends the confirmation e-mail. On failure the record is left unsent, for `send_signup_emails` to retry."""
    from signup.models import Supporter

    supporter = Supporter.objects.select_related("page").filter(pk=supporter_id).first()
    if supporter is None or not supporter.email or supporter.page is None:
        return
    root_url = supporter.page.get_site().root_url
    unsubscribe_url = root_url + reverse("signup_unsubscribe", args=[unsubscribe_token(supporter)])
    details = supporter.pending_changes or {}
    context = {
        "name": details.get("name", supporter.name),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "confirm_url": root_url + reverse("signup_confirm", args=[confirmation_token(supporter)]),
        "unsubscribe_url": unsubscribe_url,
    }
    message = EmailMessage(
        subject=f"Please confirm your sign-up to the {settings.WAGTAIL_SITE_NAME}",
        body=render_to_string("signup/confirmation_email.txt", context),
        to=[supporter.email],
        # One-click unsubscribe from the mail program itself (RFC 8058).
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    try:
        message.send()
    except Exception:
        logger.exception("The sign-up confirmation to supporter %s could not be sent; it will be retried", supporter_id)
        return
    Supporter.objects.filter(pk=supporter_id).update(confirmation_sent_at=timezone.now())
