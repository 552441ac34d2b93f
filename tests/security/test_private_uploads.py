"""What a visitor uploads is private until an editor has reviewed it: stored outside the public media, with no
address of its own, opened only through an admin view that checks the reviewer's permission."""

import importlib
import uuid
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import override_settings

from endorsements.logos import png_logo
from endorsements.models import EndorsementRequest
from endorsements.review import approve
from tests.endorsements.utils import ASK_URL, HOSTILE_SVG, form_data
from website.roles import ADMINISTRATORS, ENDORSEMENTS_EDITORS, MODERATORS, ORGANISERS, PRESS_OFFICERS
from website.storage import PrivateFileSystemStorage, private_storage

move_logos = importlib.import_module("endorsements.migrations.0004_private_logos").move_logos_to_private_storage

pytestmark = pytest.mark.django_db

# Files of these models are the editors' own uploads to the image library and its renditions: public by design.
EDITORS_PUBLIC_FILES = {("website", "siteimage", "file"), ("website", "siterendition", "file")}
PROJECT_APPS = {"website", "home", "campaigns", "news", "endorsements", "search", "signup", "social", "petitions"}


def logo_url(endorsement_request):
    return f"/admin/endorsements/endorsementrequest/logo/{endorsement_request.pk}/"


@pytest.fixture
def sent_logo(client, endorsements):
    """A request an organisation sent through the public form, with its logo."""
    # Drawn afresh for each test, so that no other test's file under MEDIA_ROOT has the same bytes.
    logo = SimpleUploadedFile("our-logo.png", png_logo(f"Branch {uuid.uuid4().hex[:8]}", "#b0001e"), "image/png")
    assert client.post(ASK_URL, {**form_data(), "logo": logo}).status_code == 302
    return EndorsementRequest.objects.get()


def files_under(root):
    return {path.read_bytes() for path in Path(root).rglob("*") if path.is_file()}


def test_a_visitors_logo_is_stored_outside_the_public_media(sent_logo):
    logo = sent_logo.logo
    assert Path(logo.path).resolve().is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not Path(logo.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with logo.open("rb") as stored:
        assert stored.read() not in files_under(settings.MEDIA_ROOT)
    assert not default_storage.exists(logo.name), "nothing at the guessable /media/endorsement-requests/... address"
    with pytest.raises(NotImplementedError, match="no public address"):
        logo.url  # noqa: B018 - the address itself is what must not exist


def test_a_visitors_svg_is_private_too_and_served_so_it_cannot_run(client, endorsements, admin_client):
    client.post(ASK_URL, {**form_data(), "logo": SimpleUploadedFile("logo.svg", HOSTILE_SVG)})
    endorsement_request = EndorsementRequest.objects.get()
    assert not default_storage.exists(endorsement_request.logo.name)
    response = admin_client.get(logo_url(endorsement_request))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    policy = response["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy


@pytest.fixture
def member_of(client, django_user_model):
    def log_in(group_name):
        user = django_user_model.objects.create_user(f"user{django_user_model.objects.count()}", password="x" * 16)
        user.groups.add(Group.objects.get(name=group_name))
        client.force_login(user)
        return client

    return log_in


@pytest.mark.parametrize("group_name", [ENDORSEMENTS_EDITORS, ADMINISTRATORS])
def test_editors_who_review_requests_open_the_logo_through_the_admin(sent_logo, member_of, group_name):
    response = member_of(group_name).get(logo_url(sent_logo))
    assert response.status_code == 200
    with sent_logo.logo.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert response["Content-Type"] == "image/png"
    assert {"private", "no-store"} <= {directive.strip() for directive in response["Cache-Control"].split(",")}
    assert response["X-Content-Type-Options"] == "nosniff"
    page = member_of(group_name).get(f"/admin/endorsements/endorsementrequest/review/{sent_logo.pk}/")
    assert logo_url(sent_logo) in page.content.decode()


@pytest.mark.parametrize("group_name", [PRESS_OFFICERS, ORGANISERS, MODERATORS])
def test_other_editors_cannot_open_it(sent_logo, member_of, group_name):
    assert member_of(group_name).get(logo_url(sent_logo)).status_code in (302, 403)


def test_visitors_cannot_open_it(sent_logo, client):
    response = client.get(logo_url(sent_logo))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_request_without_a_logo_or_a_lost_file_is_not_found(sent_logo, admin_client):
    private_storage().delete(sent_logo.logo.name)
    assert admin_client.get(logo_url(sent_logo)).status_code == 404
    EndorsementRequest.objects.filter(pk=sent_logo.pk).update(logo="")
    assert admin_client.get(logo_url(sent_logo)).status_code == 404
    assert admin_client.get("/admin/endorsements/endorsementrequest/logo/999999/").status_code == 404


def test_approving_puts_a_copy_of_the_logo_in_the_image_library(sent_logo, admin_user):
    organisation, _live = approve(sent_logo, admin_user)
    image = organisation.logo
    assert Path(image.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with image.file.open("rb") as public, sent_logo.logo.open("rb") as private:
        assert public.read() == private.read()
    assert organisation.shows_logo


def test_logos_sent_before_are_moved_to_the_private_storage(endorsements):
    content = b"\x89PNG an old logo"
    name = default_storage.save("endorsement-requests/2025/01/old-logo.png", ContentFile(content))
    endorsement_request = EndorsementRequest.objects.create(
        name="Old Branch", kind="union_branch", contact_name="Old", contact_email="old@example.org"
    )
    EndorsementRequest.objects.filter(pk=endorsement_request.pk).update(logo=name)

    move_logos(django_apps, None)

    endorsement_request.refresh_from_db()
    assert not default_storage.exists(name)
    assert private_storage().exists(endorsement_request.logo.name)
    with endorsement_request.logo.open("rb") as moved:
        assert moved.read() == content


def test_every_file_field_outside_the_editors_image_library_is_private():
    """A new FileField anywhere (another public form's upload) must choose: private, or added here on purpose."""
    public_fields = []
    for model in django_apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            key = (model._meta.app_label, model._meta.model_name, field.name)
            public = isinstance(field, models.FileField) and field.storage is not private_storage()
            if public and key not in EDITORS_PUBLIC_FILES:
                public_fields.append(key)
    assert public_fields == []


def test_private_media_inside_the_public_media_is_refused_at_start_up(tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path), PRIVATE_MEDIA_ROOT=str(tmp_path / "private")):
        storage = PrivateFileSystemStorage()
        with mock.patch("website.storage.private_storage", return_value=storage):
            errors = [error.id for error in run_checks()]
    assert "website.E001" in errors
    assert "website.E001" not in [error.id for error in run_checks()]
