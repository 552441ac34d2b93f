from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException

from website.blocks import BodyBlock


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
