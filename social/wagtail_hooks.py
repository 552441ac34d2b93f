from django.urls import reverse
from wagtail import hooks
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from social.models import SocialPost
from website.admin_columns import readable_columns


class SocialPostViewSet(SnippetViewSet):
    """Editors paste in the network's posts by hand (or `import_social_feed` adds them): pages fetch nothing."""

    model = SocialPost
    icon = "globe"
    menu_label = "Social media posts"
    add_to_admin_menu = True
    menu_order = 320
    list_display = readable_columns(SocialPost, ["__str__", "account_name", "platform", "posted_at", "shown"])
    list_filter = ["platform", "shown"]
    # No `search_fields` here: the model's search index answers (a viewset's own fields crash on SQLite).


register_snippet(SocialPostViewSet)


@hooks.register("purge_urls")
def older_posts_urls():
    """The page of older posts is no page of the tree: a caching proxy that cannot BAN is told to forget it with every
    page, when a post (a snippet) or anything else every page may show changes (website/purge.py)."""
    return [site.root_url + reverse("social:page") for site in Site.objects.all()]
