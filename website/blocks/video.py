from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from website.blocks.required import NamedRequiredMixin
from website.fragment_cache import CachedBlockMixin
from website.video_urls import UNSUPPORTED_MESSAGE, parse_video_url


class VideoBlock(NamedRequiredMixin, CachedBlockMixin, blocks.StructBlock):
    """A YouTube, Vimeo or Facebook video that loads from the provider only when the visitor presses play."""

    url = blocks.URLBlock(
        max_length=500,
        label="Video URL",
        help_text="The video's address on YouTube (a video, short or livestream), Vimeo or Facebook.",
    )
    title = blocks.CharBlock(
        max_length=150,
        help_text="What the video is, in a few words: shown on the placeholder and read out by screen readers.",
    )
    thumbnail = ImageChooserBlock(
        required=False,
        help_text="A still from the video, stored on our site. Without one, the placeholder shows the title only.",
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the video.")

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        description = "A YouTube, Vimeo or Facebook video. It loads from there only when a visitor presses play."

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url")) is None:
            raise StructBlockValidationError(block_errors={"url": ValidationError(UNSUPPORTED_MESSAGE)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["video"] = parse_video_url(value.get("url"))
        return context
