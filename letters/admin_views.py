"""A moderator's review of one signatory: the details, then Approve or Reject (a POST)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from letters import moderation
from letters.models import Signatory

REVIEW_PERMISSION = "letters.change_signatory"
INDEX_URL_NAME = "letters_signatory_modeladmin_index"


def reviewable(request, pk):
    """Signatory `pk`, for a moderator who may review signatories; nobody else learns whether it exists."""
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(Signatory.objects.select_related("letter"), pk=pk, email__isnull=False)


def review_signatory(request, pk):
    signatory = reviewable(request, pk)
    index_url = reverse(INDEX_URL_NAME)
    if request.method == "POST":
        chosen = Signatory.objects.filter(pk=signatory.pk)
        decision = request.POST.get("decision")
        if decision == "approve" and moderation.approve(chosen, request.user):
            messages.success(request, f"{signatory.name} is approved and now shows on “{signatory.letter.title}”.")
            return redirect(index_url)
        if decision == "reject" and moderation.reject(chosen, request.user):
            messages.success(request, f"{signatory.name} is rejected and does not show on “{signatory.letter.title}”.")
            return redirect(index_url)
        if decision in ("approve", "reject"):
            messages.warning(request, f"Nothing changed: {signatory.name} is {signatory.get_status_display().lower()}.")
            return redirect(index_url)
    return TemplateResponse(
        request, "letters/admin/review_signatory.html", {"signatory": signatory, "index_url": index_url}
    )
