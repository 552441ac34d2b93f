from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from website.blocks.required import NamedRequiredMixin
from website.fragment_cache import CachedBlockMixin


class ImageBlock(NamedRequiredMixin, CachedBlockMixin, blocks.StructBlock):
    image = ImageChooserBlock(help_text="The picture; its alt text comes from the image's description.")
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the picture.")

    class Meta:
        icon = "image"
        template = "blocks/image.html"
