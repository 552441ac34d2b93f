"""The printable hand-in list: a petition's count and the names of those who agreed to be shown."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from petitions.models import PetitionPage, Signature

VIEW_SIGNATURE = "petitions.view_signature"


@permission_required(VIEW_SIGNATURE, raise_exception=True)
def index(request):
    petitions = PetitionPage.objects.select_related("signaturecount").order_by("-first_published_at", "-pk")
    return TemplateResponse(request, "petitions/admin/hand_in_index.html", {"petitions": petitions})


@permission_required(VIEW_SIGNATURE, raise_exception=True)
def hand_in_list(request, petition_id):
    petition = get_object_or_404(PetitionPage.objects.select_related("signaturecount"), pk=petition_id)
    if not request.user.has_perm(VIEW_SIGNATURE):
        raise PermissionDenied
    names = (
        Signature.objects.filter(petition=petition, confirmed_at__isnull=False, show_name=True)
        .order_by("confirmed_at", "pk")
        .values_list("name", flat=True)
    )
    return TemplateResponse(
        request,
        "petitions/admin/hand_in_list.html",
        {"petition": petition, "names": names, "count": petition.signature_count},
    )
