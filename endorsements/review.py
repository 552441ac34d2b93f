"""Editors' decisions on endorsement requests: approving makes (or finds) the organisation, in one step."""

import os

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from endorsements.backing import add_backer
from endorsements.models import Organisation, RequestStatus
from endorsements.tasks import tell_contact_of_decision
from website.tasks import enqueue_or_retry_later


def logo_image(endorsement_request):
    """The request's logo as an image in the library, titled with the organisation's name."""
    if not endorsement_request.logo:
        return None
    with endorsement_request.logo.open("rb") as upload:
        image = get_image_model()(
            title=f"{endorsement_request.name} logo"[:255],
            file=File(upload, name=os.path.basename(endorsement_request.logo.name)),
        )
        image.save()
    return image


@transaction.atomic
def approve(endorsement_request, editor):
    """Lists the organisation (with its logo if it agreed), adds it to the campaign it backs, and tells the contact.

    Returns the organisation, and whether its backing of the campaign is live (False when it waits in a draft).
    """
    organisation = Organisation.objects.filter(name__iexact=endorsement_request.name).first()
    if organisation is None:
        logo = logo_image(endorsement_request)
        organisation = Organisation.objects.create(
            name=endorsement_request.name,
            kind=endorsement_request.kind,
            region=endorsement_request.region,
            website=endorsement_request.website,
            logo=logo,
            show_logo=bool(logo and endorsement_request.consent_logo),
            listed=True,
            date_endorsed=timezone.localdate(),
        )
    elif not organisation.listed:
        organisation.listed = True
        organisation.save(update_fields=["listed"])
    backing_is_live = True
    if endorsement_request.campaign is not None:
        backing_is_live = add_backer(endorsement_request.campaign, organisation, editor)
    decide(endorsement_request, editor, RequestStatus.APPROVED, organisation)
    return organisation, backing_is_live


@transaction.atomic
def decline(endorsement_request, editor):
    decide(endorsement_request, editor, RequestStatus.DECLINED)


def decide(endorsement_request, editor, status, organisation=None):
    endorsement_request.status = status
    endorsement_request.organisation = organisation
    endorsement_request.reviewed_at = timezone.now()
    endorsement_request.reviewed_by = editor
    endorsement_request.save(update_fields=["status", "organisation", "reviewed_at", "reviewed_by"])
    what = f"the decision e-mail for endorsement request {endorsement_request.pk}"
    transaction.on_commit(lambda: enqueue_or_retry_later(tell_contact_of_decision, endorsement_request.pk, what=what))
