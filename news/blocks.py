from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException

from website.blocks import BodyBlock
from website.fragment_cache import CachedBlockMixin


class PostLinkBlock(EmbedBlock):
    """A post on another site (such as X, Bluesky or Instagram), shown as a link: nothing loads from there until
    a visitor follows it, and the strict Content-Security-Policy would block the site's own embed code anyway."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        try:
            context["embed"] = get_embed(value.url) if value else None
        except EmbedException:
            context["embed"] = None
        return context

    class Meta:
        icon = "link-external"
        label = "Post on another site"
        template = "news/blocks/post_link.html"
        help_text = "The address of a post on X, Bluesky, Instagram or another site: shown as a link to it."


class NewsPageBodyBlock(BodyBlock):
    embed = PostLinkBlock()


class LatestNewsBlock(CachedBlockMixin, blocks.StructBlock):
    """The home page's "What's new": the newest items, with a link to all of them."""

    heading = blocks.CharBlock(max_length=80, default="What's new", help_text="The section's heading.")
    count = blocks.IntegerBlock(
        min_value=1, max_value=12, default=3, help_text="How many of the newest items to show (1 to 12)."
    )

    def get_context(self, value, parent_context=None):
        # The queries import the page models, which import these blocks.
        from news.queries import latest_news, news_index

        context = super().get_context(value, parent_context=parent_context)
        context["items"] = latest_news(value["count"])
        context["index"] = news_index() if context["items"] else None
        return context

    class Meta:
        icon = "doc-full"
        label = "What's new"
        template = "news/blocks/latest_news.html"
