"""The printable hand-in list: a petition's count and the names shown on it (asked for, and let through by a
moderator), printed without the admin around it (petitions/static/petitions/css/hand-in-print.css)."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from petitions.models import NameReview, PetitionPage, Signature

VIEW_SIGNATURE = "petitions.view_signature"
REVIEW_NAMES = "petitions.review_signature_name"


@permission_required(VIEW_SIGNATURE, raise_exception=True)
def index(request):
    petitions = PetitionPage.objects.select_related("signaturecount").order_by("-first_published_at", "-pk")
    return TemplateResponse(request, "petitions/admin/hand_in_index.html", {"petitions": petitions})


@permission_required(VIEW_SIGNATURE, raise_exception=True)
def hand_in_list(request, petition_id):
    petition = get_object_or_404(PetitionPage.objects.select_related("signaturecount"), pk=petition_id)
    if not request.user.has_perm(VIEW_SIGNATURE):
        raise PermissionDenied
    # The names that show on the petition itself: asked to be shown, and a moderator let them (names.py).
    public = Signature.objects.filter(petition=petition, confirmed_at__isnull=False, show_name=True)
    names = public.filter(name_review=NameReview.SHOWN).order_by("confirmed_at", "pk").values_list("name", flat=True)
    context = {
        "petition": petition,
        "names": names,
        "count": petition.signature_count,
        "waiting": public.filter(name_review=NameReview.PENDING).count(),
        "can_review_names": request.user.has_perm(REVIEW_NAMES),
    }
    return TemplateResponse(request, "petitions/admin/hand_in_list.html", context)
