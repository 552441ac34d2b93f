"""The home page's section of the network's own social media posts."""

from wagtail import blocks

from social.models import page_href, social_posts
from website.fragment_cache import CachedBlockMixin


class SocialFeedBlock(CachedBlockMixin, blocks.StructBlock):
    """The home page's feed of our own posts on Facebook, X and elsewhere, copied in as snippets."""

    heading = blocks.CharBlock(max_length=80, default="On social media", help_text="The section's heading.")
    count = blocks.IntegerBlock(
        min_value=1, max_value=12, default=3, help_text="How many of the newest posts to show before “Load more”."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        posts = social_posts(0, value["count"] + 1)
        context["posts"] = posts[: value["count"]]
        context["next_href"] = page_href(2, value["count"]) if len(posts) > value["count"] else None
        return context

    class Meta:
        icon = "globe"
        label = "Social media posts"
        template = "social/feed.html"
