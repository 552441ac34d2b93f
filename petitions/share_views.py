"""Serving a petition's share image at an address that changes with whatever it draws: the count, and the title and
goal ("look"), so that an edited title is never hidden behind an image that caches keep for a year."""

import hashlib

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from petitions.queries import live_petition
from petitions.share_image import share_image_png

# A given address's image never changes: any cache may keep it for a year.
A_YEAR = 365 * 24 * 60 * 60


def look_of(petition):
    """A short digest of what the image draws besides the count: a new title or goal makes a new address."""
    return hashlib.sha256(f"{petition.title}\n{petition.goal}".encode()).hexdigest()[:10]


def share_image_path(petition):
    return reverse("petitions:share_image", args=[petition.pk, petition.signature_count, look_of(petition)])


def share_image(request, petition_id, count, look):
    petition = live_petition(petition_id)
    if petition is None:
        raise Http404
    if count != petition.signature_count or look != look_of(petition):
        # An address from an older count or title: the newest image, which the caches may keep briefly.
        response = redirect(share_image_path(petition))
        patch_cache_control(response, public=True, max_age=60, s_maxage=60)
        return response
    response = HttpResponse(share_image_png(petition, count), content_type="image/png")
    patch_cache_control(response, public=True, max_age=A_YEAR, immutable=True)
    return response
