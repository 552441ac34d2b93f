"""Faults the site answers in words: a full disk under an upload."""

import errno
import sqlite3
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import InterfaceError, OperationalError
from PIL import Image as PILImage

from website.middleware import database_unavailable
from website.models import SiteImage


def png_bytes():
    from io import BytesIO

    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return buffer.getvalue()


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.django_db
def test_a_full_disk_tells_the_editor_in_the_single_upload_form(admin_client):
    with mock.patch.object(FileSystemStorage, "_save", disk_full):
        response = admin_client.post(
            "/admin/images/add/",
            {"title": "Banner", "file": SimpleUploadedFile("banner.png", png_bytes(), "image/png")},
        )
    assert response.status_code == 507
    assert "storage for uploaded files is full" in response.content.decode()
    assert not SiteImage.objects.exists()


# A real transaction: the uploader's own atomic block rolls back as it would in production.
@pytest.mark.django_db(transaction=True)
def test_a_full_disk_shows_beside_the_file_in_the_multiple_uploader(admin_client, root_collection):
    with mock.patch.object(FileSystemStorage, "_save", disk_full):
        response = admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("banner.png", png_bytes(), "image/png")},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": mock.ANY}
    assert "storage for uploaded files is full" in response.json()["error_message"]
    assert not SiteImage.objects.exists()


@pytest.mark.django_db
def test_other_os_errors_are_not_disguised_as_a_full_disk(admin_client):
    def permission_denied(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    with mock.patch.object(FileSystemStorage, "_save", permission_denied), pytest.raises(OSError):
        admin_client.post(
            "/admin/images/add/",
            {"title": "Banner", "file": SimpleUploadedFile("banner.png", png_bytes(), "image/png")},
        )


def test_only_an_unreachable_database_counts_as_an_outage():
    def wrapped(message):
        error = OperationalError(message)
        error.__cause__ = sqlite3.OperationalError(message)
        return error

    assert database_unavailable(InterfaceError("connection already closed"))
    assert database_unavailable(OperationalError("server closed the connection unexpectedly"))
    assert database_unavailable(wrapped("database is locked"))
    assert not database_unavailable(wrapped('fts5: syntax error near "\'"'))
    assert not database_unavailable(ValueError("not a database error"))
