"""E-mail about endorsement requests, sent from tasks so a mail failure never loses a request nor shows an error.
What a mail outage held back stays unmarked (`editors_told_at`, `contact_told_at`) for `send_endorsement_emails`."""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from endorsements.models import EndorsementRequest, RequestStatus
from website.addresses import page_site_url, site_url

logger = logging.getLogger(__name__)
REVIEW_PERMISSION = "change_endorsementrequest"


def reviewers_emails():
    """Active editors who may review requests: superusers and anyone granted the permission, directly or by group."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    may_review = (
        Q(is_superuser=True)
        | Q(user_permissions__codename=REVIEW_PERMISSION)
        | Q(groups__permissions__codename=REVIEW_PERMISSION)
    )
    return sorted(set(users.filter(may_review).values_list("email", flat=True)))


def one_line(text):
    return " ".join(str(text).split())[:150]


@task()
def notify_editors_of_request(request_id):
    endorsement_request = EndorsementRequest.objects.filter(pk=request_id).first()
    recipients = reviewers_emails()
    if endorsement_request is None or not recipients:
        return 0
    review_url = site_url(reverse("endorsements_endorsementrequest_modeladmin_inspect", args=[endorsement_request.pk]))
    also_waiting = (
        EndorsementRequest.objects.filter(name__iexact=endorsement_request.name, status=RequestStatus.PENDING)
        .exclude(pk=endorsement_request.pk)
        .count()
    )
    body = render_to_string(
        "endorsements/emails/new_request.txt",
        {"request": endorsement_request, "review_url": review_url, "also_waiting": also_waiting},
    )
    try:
        sent = send_mail(
            f"Endorsement request: {one_line(endorsement_request.name)}", body, None, recipients, fail_silently=False
        )
    except Exception:
        # The request is saved and listed in the admin meanwhile; editors still find it there.
        logger.exception("Could not e-mail editors about endorsement request %s; it will be retried", request_id)
        return 0
    EndorsementRequest.objects.filter(pk=request_id).update(editors_told_at=timezone.now())
    return sent


@task()
def tell_contact_of_decision(request_id):
    endorsement_request = EndorsementRequest.objects.select_related("organisation").filter(pk=request_id).first()
    if endorsement_request is None or endorsement_request.status == RequestStatus.PENDING:
        return 0
    from endorsements.queries import endorsements_page

    page = endorsements_page()
    body = render_to_string(
        "endorsements/emails/decision.txt",
        {
            "request": endorsement_request,
            "approved": endorsement_request.status == RequestStatus.APPROVED,
            "page_url": page_site_url(page) if page else site_url(),
        },
    )
    subject = (
        "Thank you: your organisation now backs the network"
        if endorsement_request.status == RequestStatus.APPROVED
        else "Your request to endorse the network"
    )
    try:
        sent = send_mail(subject, body, None, [endorsement_request.contact_email], fail_silently=False)
    except Exception:
        logger.exception("Could not e-mail the contact of endorsement request %s; it will be retried", request_id)
        return 0
    EndorsementRequest.objects.filter(pk=request_id).update(contact_told_at=timezone.now())
    return sent
