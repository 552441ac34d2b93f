"""The editor's one-step review of an endorsement request: approve (which lists the organisation) or decline."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from endorsements import review
from endorsements.models import EndorsementRequest, Organisation
from website.storage import private_file_response

REVIEW_PERMISSION = "endorsements.change_endorsementrequest"


def reviewable_request(request, pk):
    """The request `pk`, for an editor who may review endorsement requests; nobody else learns whether it exists."""
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(EndorsementRequest, pk=pk)


def request_logo(request, pk):
    """The logo a request sent, from the private storage: the only way to it until the request is approved."""
    return private_file_response(reviewable_request(request, pk).logo)


def review_request(request, pk):
    endorsement_request = reviewable_request(request, pk)
    index_url = reverse("endorsements_endorsementrequest_modeladmin_index")
    if not endorsement_request.is_pending:
        messages.warning(request, f"The request from {endorsement_request.name} has already been reviewed.")
        return redirect(index_url)
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision == "approve":
            organisation, backing_is_live = review.approve(endorsement_request, request.user)
            edit_url = reverse("wagtailsnippets_endorsements_organisation:edit", args=[organisation.pk])
            campaign = endorsement_request.campaign
            message = f"{organisation.name} now backs {campaign.title if campaign else 'the network'} and is listed."
            if not backing_is_live:
                message += f" “{campaign.title}” has unpublished changes: publish it to show the new backer."
            messages.success(request, message, buttons=[messages.button(edit_url, "Edit the organisation")])
            return redirect(index_url)
        if decision == "decline":
            review.decline(endorsement_request, request.user)
            messages.success(request, f"The request from {endorsement_request.name} was declined.")
            return redirect(index_url)
    existing = Organisation.objects.filter(name__iexact=endorsement_request.name).first()
    return TemplateResponse(
        request,
        "endorsements/admin/review_request.html",
        {"endorsement_request": endorsement_request, "existing": existing, "index_url": index_url},
    )
