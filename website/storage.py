"""Where uploaded files live. Two storages: the public media (`STORAGES["default"]`: the image library, served at
MEDIA_URL or from a bucket anyone may read) and the private one (`STORAGES["private"]`): what a visitor sent that
nobody has reviewed yet, and every document (website/documents.py). A private file has no address of its own: an
admin view that checks the reviewer's permission hands an upload out, through `private_file_response`, and Wagtail's
document view, which checks the document's collection, hands out a document."""

import mimetypes
import os

from django.conf import settings
from django.core.checks import Error, register
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404

from website.never_cache import never_cached

# What a private file may be served as; anything else is a download, never rendered by the browser.
SERVED_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on the local disk at PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT so no web server serves them."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location or settings.PRIVATE_MEDIA_ROOT, base_url=None, **kwargs)

    def url(self, name):
        # FileSystemStorage would answer with an address under MEDIA_URL: a link that leads nowhere, or worse.
        # NotImplementedError is how a storage says it has no addresses (Wagtail's document view then streams it).
        raise NotImplementedError(
            "A private file has no public address: serve it through a view that checks permission."
        )


def private_storage():
    """The storage for files no visitor may fetch; a FileField's `storage` (a callable, so migrations name it)."""
    return storages["private"]


def private_file_response(field_file):
    """`field_file` (from the private storage) for an editor who may see it: never kept by a cache, never run."""
    if not field_file:
        raise Http404("No file was sent.")
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("The file is missing from the private storage.") from error
    name = os.path.basename(field_file.name)
    content_type = SERVED_TYPES.get(os.path.splitext(name)[1].lower())
    response = FileResponse(
        handle,
        content_type=content_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
        as_attachment=content_type is None,
        filename=name,
    )
    never_cached(response)
    response["X-Content-Type-Options"] = "nosniff"
    # An SVG opened on its own runs in the admin's origin: no script, no fetch, whatever is in it.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


@register()
def private_storage_is_not_public(app_configs, **kwargs):
    """PRIVATE_MEDIA_ROOT inside MEDIA_ROOT (or STATIC_ROOT) would put private files at a public address."""
    storage = private_storage()
    if not isinstance(storage, FileSystemStorage):
        return []
    private = os.path.realpath(storage.location)
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = os.path.realpath(getattr(settings, name) or "")
        if public and os.path.commonpath([private, public]) in (private, public):
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) and {name} ({public}) overlap: private uploads would be public.",
                    hint=f"Set PRIVATE_MEDIA_ROOT to a folder outside {name}.",
                    id="website.E001",
                )
            )
    return errors
