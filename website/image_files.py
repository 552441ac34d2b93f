"""Image files whose width and height are whole pixels, SVGs included.

Willow measures an SVG in floats, which Wagtail then wrote into `width="160.0"` and `srcset="… 160.0w"`: browsers
reject both. Wagtail made `get_image_dimensions` a method so that it could be overridden; this one rounds.
"""

from wagtail.images.models import WagtailImageField, WagtailImageFieldFile


class WholePixelImageFieldFile(WagtailImageFieldFile):
    def get_image_dimensions(self):
        width, height = super().get_image_dimensions()
        return round(width), round(height)


class WholePixelImageField(WagtailImageField):
    attr_class = WholePixelImageFieldFile
