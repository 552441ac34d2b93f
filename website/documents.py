"""The site's documents: Wagtail's own, with their files in the private storage.

Wagtail hands out every document through its own view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which checks a
private collection's restriction and the two-step sign-in. A file in the public media (the bucket anyone may read,
or MEDIA_ROOT behind a web server) could still be fetched straight by its name, which is the name it was uploaded
under and easy to guess ("minutes.pdf"). So no document's file is in the public media: every one lives in the
private storage (website/storage.py), which has no address of its own, and reaches a visitor only through that view.
Permissions stay Wagtail's own (wagtaildocs' "add", "change", "choose" and "delete" document, per collection).
"""

from django.db import models
from wagtail.documents.models import AbstractDocument

from website.storage import private_storage


class SiteDocument(AbstractDocument):
    file = models.FileField(
        upload_to="documents",
        storage=private_storage,
        verbose_name="file",
        help_text="Kept in the private storage: visitors get it only through the site, which checks its collection.",
    )

    admin_form_fields = ("title", "file", "collection", "tags")

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
