"""SVGs stored before the sanitiser allow-listed values may still name outside files through CSS (image-set, an
unclosed url()): each is sanitised again, and its renditions (copies of the same drawing) are removed to be made
afresh from the clean original."""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import migrations

from website.svg import InvalidSvgError, sanitise_svg

logger = logging.getLogger(__name__)
EMPTY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def resanitise(apps, schema_editor):
    SiteImage = apps.get_model("website", "SiteImage")
    for image in SiteImage.objects.filter(file__iendswith=".svg").iterator():
        storage, name = image.file.storage, image.file.name
        try:
            with storage.open(name, "rb") as stored:
                data = stored.read()
        except OSError:
            logger.warning("The SVG image %s (%s) has no file to sanitise", image.pk, name)
            continue
        try:
            clean = sanitise_svg(data)
        except InvalidSvgError:
            clean = EMPTY_SVG
        if clean == data:
            continue
        storage.delete(name)
        image.file.name = storage.save(name, ContentFile(clean))
        image.file_size = len(clean)
        image.file_hash = hashlib.sha1(clean).hexdigest()  # noqa: S324 - Wagtail's duplicate check uses SHA-1
        image.save(update_fields=["file", "file_size", "file_hash"])
        for rendition in image.renditions.all():
            rendition.file.storage.delete(rendition.file.name)
            rendition.delete()


class Migration(migrations.Migration):
    dependencies = [("website", "0004_alter_standardpage_body")]

    operations = [migrations.RunPython(resanitise, migrations.RunPython.noop)]
