"""Every SVG that reaches the image library is made passive first, however it was uploaded."""

import hashlib
import logging
import os

from django.core.files.base import ContentFile

from endorsements.svg import InvalidSvgError, sanitise_svg

logger = logging.getLogger(__name__)
EMPTY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def passive_svg_file(upload):
    """A new file holding the sanitised drawing of the uploaded SVG `upload`."""
    upload.open("rb")
    upload.seek(0)
    data = upload.read()
    try:
        clean = sanitise_svg(data)
    except InvalidSvgError:
        # Forms refuse such files before they get here; anything else saves an empty drawing, never the original.
        logger.warning("Replaced an unreadable SVG upload (%s) with an empty drawing", upload.name)
        clean = EMPTY_SVG
    return ContentFile(clean, name=os.path.basename(upload.name))


def sanitise_svg_on_save(sender, instance, **kwargs):
    """pre_save for the image model: a newly uploaded SVG is replaced by its sanitised copy."""
    file = instance.file
    if not file or getattr(file, "_committed", True) or not instance.is_svg():
        return
    clean = passive_svg_file(file)
    instance.file = clean
    instance.file_size = clean.size
    instance.file_hash = hashlib.sha1(clean.read()).hexdigest()  # noqa: S324 - Wagtail's duplicate check uses SHA-1
    clean.seek(0)
