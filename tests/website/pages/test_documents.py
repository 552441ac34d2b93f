"""Every document's file lives in the private storage, reachable only through Wagtail's view, which checks its
collection: nothing in the public media (a bucket anyone may read, or MEDIA_ROOT behind a web server) to guess."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model, get_permission_policy
from wagtail.models import CollectionViewRestriction


def files_under(root):
    return {path.relative_to(root).as_posix() for path in Path(root).rglob("*") if path.is_file()}


@pytest.mark.django_db
def test_an_uploaded_document_goes_to_the_private_storage_and_only_the_site_hands_it_out(admin_client, root_collection):
    collection = root_collection.add_child(name="Organisers only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    upload = SimpleUploadedFile("minutes-of-the-steering-group.txt", b"Who said what", content_type="text/plain")
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Minutes", "file": upload, "collection": collection.pk, "tags": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Minutes")

    assert document.file.name in files_under(settings.PRIVATE_MEDIA_ROOT)
    assert not any("minutes-of-the-steering-group" in name for name in files_under(settings.MEDIA_ROOT))
    with pytest.raises(NotImplementedError, match="no public address"):
        document.file.url  # noqa: B018 (the file itself has no address to link to)

    # The site's own address checks the collection: a stranger is sent to sign in, an editor gets the file.
    assert document.url.startswith(f"/documents/{document.pk}/")
    assert Client().get(document.url).status_code == 302
    served = admin_client.get(document.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"Who said what"


@pytest.mark.django_db
def test_a_public_collections_document_is_served_to_anyone_from_the_private_storage(root_collection):
    document = get_document_model().objects.create(
        title="Leaflet", collection=root_collection, file=SimpleUploadedFile("leaflet.txt", b"Join us")
    )
    assert storages["private"].exists(document.file.name)
    served = Client().get(document.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"Join us"


def test_the_document_model_keeps_wagtails_permissions():
    """Editors' rights on documents stay Wagtail's own, per collection (website/roles.py names them)."""
    assert get_document_model()._meta.label == "website.SiteDocument"
    assert get_permission_policy().auth_model._meta.label == "wagtaildocs.Document"
