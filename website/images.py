"""What the image library accepts: files that are images all through, and SVGs made passive first, however
they were uploaded (the editors' library, an organisation's logo, a social post's picture)."""

import hashlib
import logging
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from website.svg import InvalidSvgError, sanitise_svg

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


class DecodableImageField(WagtailImageField):
    """Wagtail recognises a format by the file's first bytes; reading the size of a corrupt one then raised (a 500)."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as error:  # Pillow's UnidentifiedImageError is an OSError
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field itself (formfield_for_dbfield); rebuild it as the stricter field, same settings.
        upload = self.fields.get("file")
        if upload is not None and not isinstance(upload, DecodableImageField):
            self.fields["file"] = DecodableImageField(
                label=upload.label, required=upload.required, widget=upload.widget, help_text=upload.help_text
            )


def set_avif_encoder_speed(speed):
    """Pictures' AVIF renditions encoded at `speed` (libavif's 0-10, higher is faster and a little larger; None
    leaves Pillow's 6). Willow passes no speed through, so the setting wraps Pillow's AVIF save handler once."""
    Image.init()
    handler = Image.SAVE["AVIF"]
    original = getattr(handler, "encodes_at_default_speed", handler)
    if speed is None:
        Image.register_save("AVIF", original)
        return

    def save_at_speed(image, file, filename):
        image.encoderinfo.setdefault("speed", speed)
        return original(image, file, filename)

    save_at_speed.encodes_at_default_speed = original
    save_at_speed.speed = speed
    Image.register_save("AVIF", save_at_speed)
