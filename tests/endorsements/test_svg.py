"""SVG logos: whatever an SVG carries, what we store and serve cannot run script or load anything."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.endorsements.utils import ACTIVE_MARKERS, HOSTILE_SVG
from website.models import SiteImage
from website.svg import InvalidSvgError, sanitise_svg

EXTERNAL_ENTITY_SVG = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>"""

ENTITY_BOMB_SVG = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>"""


def test_sanitising_keeps_the_drawing_and_drops_everything_active():
    clean = sanitise_svg(HOSTILE_SVG).decode()
    for marker in ACTIVE_MARKERS:
        assert marker not in clean, f"{marker!r} survived: {clean}"
    assert 'fill="url(#g)"' in clean
    assert "<text" in clean and "Union</text>" in clean
    assert 'href="#g"' in clean
    assert 'viewBox="0 0 200 100"' in clean


@pytest.mark.parametrize("data", [EXTERNAL_ENTITY_SVG, ENTITY_BOMB_SVG, b"not xml at all", b"<html><body/></html>"])
def test_hostile_or_broken_xml_is_refused(data):
    with pytest.raises(InvalidSvgError):
        sanitise_svg(data)


@pytest.mark.django_db
def test_svg_uploaded_to_the_image_library_is_stored_sanitised(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Hostile logo", "file": SimpleUploadedFile("logo.svg", HOSTILE_SVG, "image/svg+xml")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = SiteImage.objects.get(title="Hostile logo")
    with image.file.open("rb") as stored:
        content = stored.read().decode()
    for marker in ACTIVE_MARKERS:
        assert marker not in content
    assert image.is_svg() and (image.width, image.height) == (200, 100)
    assert image.file_size == len(content.encode())


@pytest.mark.django_db
def test_svg_with_an_external_entity_is_refused_by_the_image_library(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Entity logo", "file": SimpleUploadedFile("logo.svg", EXTERNAL_ENTITY_SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert not SiteImage.objects.filter(title="Entity logo").exists()
