"""E-mail about endorsement requests, sent from tasks so a mail failure never loses a request nor shows an error.
What a mail outage held back stays unmarked (`editors_told_at`, `contact_told_at`) for `send_endorsement_emails`."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from endorsements.models import EndorsementRequest, RequestStatus
from endorsements.queries import endorsements_page
from website.addresses import page_site_url, site_url
from website.mail import Outbox

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


def editors_message(endorsement_request):
    recipients = reviewers_emails()
    if not recipients or endorsement_request.status != RequestStatus.PENDING:
        return None
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
    return EmailMessage(f"Endorsement request: {one_line(endorsement_request.name)}", body, to=recipients)


def decision_message(endorsement_request):
    if endorsement_request.status == RequestStatus.PENDING:
        return None
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
    return EmailMessage(subject, body, to=[endorsement_request.contact_email])


# The request is saved and listed in the admin meanwhile: editors still find it there while a mail outage lasts.
EDITORS_EMAILS = Outbox(
    EndorsementRequest, "editors_told_at", "editors_claimed_at", editors_message, "the editors' e-mail"
)
DECISION_EMAILS = Outbox(
    EndorsementRequest, "contact_told_at", "contact_claimed_at", decision_message, "the decision e-mail"
)


@task()
def notify_editors_of_request(request_id):
    return EDITORS_EMAILS.send_logged(request_id)


@task()
def tell_contact_of_decision(request_id):
    return DECISION_EMAILS.send_logged(request_id)
