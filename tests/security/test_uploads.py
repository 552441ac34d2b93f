"""Hostile uploads, by an editor to the image library and by a visitor as an organisation's logo.

Refused with a message that says why: too big, too many pixels (an image bomb), not the image its name claims.
Accepted files are stored under a safe name, and SVGs without anything that could run.
"""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image
from wagtail.models import GroupCollectionPermission

from endorsements.models import EndorsementRequest
from tests.endorsements.utils import ACTIVE_MARKERS, ASK_URL, HOSTILE_SVG, form_data
from website.models import SiteImage

MULTIPLE_UPLOAD = "/admin/images/multiple/add/"


def picture(image_format="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, image_format)
    return buffer.getvalue()


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A few bytes whose header claims a bitmap of width x height: decoding it would take gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


HOSTILE_FILES = {
    "png-header-claiming-30000x30000": ("bomb.png", png_claiming(30_000, 30_000), "too many pixels"),
    "real-png-of-100-megapixels": ("bomb.png", None, "too many pixels"),
    "svg-claiming-100000x100000": (
        "huge.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="1" height="1"/></svg>',
        "too many pixels",
    ),
    "php-named-png": ("shell.png", b"<?php system($_GET['c']); ?>", "valid image"),
    # Willow takes markup for SVG: refused as a PNG that is not one.
    "html-named-png": ("page.png", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "Not a valid .png"),
    "jpeg-named-png": ("photo.png", picture("JPEG"), "does not match the file format"),
    # A GIF's signature and size, then garbage: recognised as a GIF, but it cannot be decoded.
    "corrupt-gif": ("broken.gif", b"GIF89a\x10\x00\x10\x00" + bytes(range(256)) * 4, "valid image"),
    "corrupt-png": ("broken.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "valid image"),
    "php-extension": ("shell.php", picture("PNG"), "Not a supported image format"),
    "double-extension": ("shell.png.php", picture("PNG"), "Not a supported image format"),
}


def hostile_file(case):
    name, content, message = HOSTILE_FILES[case]
    if content is None:
        buffer = io.BytesIO()
        Image.new("1", (10_000, 10_000)).save(buffer, "PNG", optimize=True)
        content = buffer.getvalue()
    return SimpleUploadedFile(name, content, "image/png"), message


@pytest.fixture
def editor_client(client, django_user_model, root_collection):
    """An editor who may add images to the library, and nothing more powerful."""
    group = Group.objects.create(name="Image uploaders")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in ("add_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root_collection,
            permission=Permission.objects.get(content_type__app_label="wagtailimages", codename=codename),
        )
    user = django_user_model.objects.create_user("press", "press@example.org", "a-long-enough-password")
    user.groups.add(group)
    client.force_login(user)
    return client


def upload(client, file):
    response = client.post(MULTIPLE_UPLOAD, {"files[]": file}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return response.json()


def stored_path(image):
    path = Path(image.file.path).resolve()
    assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve() / "original_images"), path
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("case", HOSTILE_FILES)
def test_the_image_library_refuses_hostile_files_with_a_reason(editor_client, case):
    file, message = hostile_file(case)
    answer = upload(editor_client, file)
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not SiteImage.objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=50 * 1024)
def test_the_image_library_refuses_a_file_over_the_size_limit(editor_client):
    big = SimpleUploadedFile("big.png", picture("PNG") + b"\0" * (60 * 1024), "image/png")
    answer = upload(editor_client, big)
    assert answer["success"] is False and "too big" in answer["error_message"]
    assert not SiteImage.objects.exists()


@pytest.mark.django_db
def test_the_single_upload_form_says_why_too(editor_client):
    file, _message = hostile_file("png-header-claiming-30000x30000")
    response = editor_client.post("/admin/images/add/", {"title": "Bomb", "file": file})
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not SiteImage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["../../../etc/cron.d/evil.png", "..\\..\\windows\\evil.png", "nul\x00byte.png", "x" * 300 + ".png", "<b>.png"],
    ids=["dot-dot-slash", "dot-dot-backslash", "nul", "very-long", "markup"],
)
def test_accepted_images_are_stored_under_a_safe_name(editor_client, name):
    answer = upload(editor_client, SimpleUploadedFile(name, picture("PNG"), "image/png"))
    assert answer["success"] is True, answer
    image = SiteImage.objects.get()
    path = stored_path(image)
    assert path.exists()
    assert len(image.file.name) <= image.file.field.max_length
    assert "\x00" not in image.file.name and ".." not in image.file.name and "<" not in image.file.name


@pytest.mark.django_db
def test_an_editors_svg_is_stored_without_anything_that_runs(editor_client):
    answer = upload(editor_client, SimpleUploadedFile("logo.svg", HOSTILE_SVG, "image/svg+xml"))
    assert answer["success"] is True, answer
    content = stored_path(SiteImage.objects.get()).read_text()
    for marker in ACTIVE_MARKERS:
        assert marker not in content


@pytest.mark.django_db
def test_a_web_page_named_svg_never_reaches_the_library_as_it_was(editor_client):
    page = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    answer = upload(editor_client, SimpleUploadedFile("page.svg", page, "image/svg+xml"))
    image = SiteImage.objects.first()
    if answer["success"]:
        content = stored_path(image).read_text()
        assert "<script" not in content and "<html" not in content
    else:
        assert image is None


# The visitor's logo upload: endorsements/forms.py LogoField.


@pytest.fixture
def endorsement_page(endorsements):
    return endorsements


@pytest.mark.django_db
@pytest.mark.parametrize("case", HOSTILE_FILES)
def test_the_logo_upload_refuses_hostile_files_with_a_reason(client, endorsement_page, case):
    file, message = hostile_file(case)
    if case in ("php-extension", "double-extension", "corrupt-gif"):  # logos may not be GIFs at all
        message = "PNG, JPEG, WebP, AVIF or SVG"
    response = client.post(ASK_URL, {**form_data(), "logo": file})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["logo"])
    assert not EndorsementRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["../../../etc/cron.d/evil.png", "nul\x00byte.png", "x" * 300 + ".png"],
    ids=["dot-dot-slash", "nul", "very-long"],
)
def test_accepted_logos_are_stored_under_a_safe_name(client, endorsement_page, name):
    response = client.post(ASK_URL, {**form_data(), "logo": SimpleUploadedFile(name, picture("PNG"), "image/png")})
    assert response.status_code == 302, response.context and response.context["form"].errors
    logo = EndorsementRequest.objects.get().logo
    assert len(logo.name) <= logo.field.max_length
    assert "\x00" not in logo.name and ".." not in logo.name
    assert Path(logo.path).resolve().is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())


@pytest.mark.django_db
def test_a_visitors_svg_logo_is_stored_without_anything_that_runs(client, endorsement_page):
    response = client.post(ASK_URL, {**form_data(), "logo": SimpleUploadedFile("logo.svg", HOSTILE_SVG)})
    assert response.status_code == 302
    with EndorsementRequest.objects.get().logo.open("rb") as stored:
        content = stored.read().decode()
    for marker in ACTIVE_MARKERS:
        assert marker not in content
