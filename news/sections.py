"""The news section other pages show (the home page's "What's new"); the news bodies' blocks are in blocks.py."""

from wagtail import blocks

from news.queries import latest_news, news_index
from website.fragment_cache import CachedBlockMixin


class LatestNewsBlock(CachedBlockMixin, blocks.StructBlock):
    """The home page's "What's new": the newest items, with a link to all of them."""

    heading = blocks.CharBlock(max_length=80, default="What's new", help_text="The section's heading.")
    count = blocks.IntegerBlock(
        min_value=1, max_value=12, default=3, help_text="How many of the newest items to show (1 to 12)."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = latest_news(value["count"])
        context["index"] = news_index() if context["items"] else None
        return context

    class Meta:
        icon = "doc-full"
        label = "What's new"
        template = "news/blocks/latest_news.html"
