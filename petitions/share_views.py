"""Serving a petition's share image at an address that changes with its count."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from petitions.queries import live_petition
from petitions.share_image import share_image_png

# A given count's image never changes: any cache may keep it for a year.
A_YEAR = 365 * 24 * 60 * 60


def share_image_path(petition):
    return reverse("petitions:share_image", args=[petition.pk, petition.signature_count])


def share_image(request, petition_id, count):
    petition = live_petition(petition_id)
    if petition is None:
        raise Http404
    if count != petition.signature_count:
        # An address from an older count: the newest image, which the caches may keep briefly.
        response = redirect(share_image_path(petition))
        patch_cache_control(response, public=True, max_age=60, s_maxage=60)
        return response
    response = HttpResponse(share_image_png(petition, count), content_type="image/png")
    patch_cache_control(response, public=True, max_age=A_YEAR, immutable=True)
    return response
