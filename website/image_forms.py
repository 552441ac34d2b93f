"""The image library's upload form: Wagtail's, refusing files that start like an image but cannot be read."""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


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
