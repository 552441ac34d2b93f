from wagtail import blocks

from website.fragment_cache import CachedBlockMixin

# Headings start at h2: the page title is the only h1.
BODY_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul", "hr", "blockquote"]


class RichTextBlock(CachedBlockMixin, blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text.html"
        label = "Text"
