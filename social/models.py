"""The network's posts on Facebook, X and elsewhere, copied in by editors or imported from a feed.

Pages never contact those networks: editors paste each post's text and address by hand, or an administrator runs
`import_social_feed` (social/importer.py), which stores the text and pictures here; a visitor's browser only reaches
the network if they follow a post's "View on …" link or one of its hashtags or handles.
"""

from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin
from wagtail.search import index

from social.links import WHOLE_HANDLE, profile_url
from website.models import SiteImage

# The size a post's image is shown at; prefetched with the posts so a page costs the same however long it is.
POST_IMAGE_RENDITIONS = ("width-400", "width-800")
# Posts past this length show their start, and the rest behind "See more".
SEE_MORE_AFTER = 300
POSTS_PER_PAGE = 10
MAX_POSTS_PER_PAGE = 12


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X"
    INSTAGRAM = "instagram", "Instagram"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    OTHER = "other", "another site"


# "@broadleft", or a Mastodon or Bluesky one with its server or domain: "@broadleft@mastodon.social".
HANDLE = RegexValidator(
    WHOLE_HANDLE.pattern,
    "Start the handle with @ and use only letters, digits, _ . and -, such as @broadleft or "
    "@broadleft@mastodon.social.",
)


class SocialPost(PreviewableMixin, index.Indexed, models.Model):
    platform = models.CharField(
        max_length=20, choices=Platform.choices, default=Platform.FACEBOOK, help_text="Where the post first appeared."
    )
    account_name = models.CharField(
        "account name",
        max_length=100,
        blank=True,
        help_text="The name of the account that posted it, as that site shows it, such as “Broad Left Network”.",
    )
    handle = models.CharField(
        max_length=100,
        blank=True,
        validators=[HANDLE],
        help_text="The account's handle, starting @, such as @broadleft (on Mastodon, @broadleft@mastodon.social).",
    )
    text = models.TextField(
        max_length=5000,
        help_text="The post's words, pasted as plain text (up to 5,000 characters). Long posts are cut "
        "after about 300 characters with a “See more” button.",
    )
    url = models.URLField(
        "address",
        max_length=500,
        validators=[URLValidator(schemes=["https"])],
        help_text="The post's own address on that site, starting https:// (its “View on …” link).",
    )
    posted_at = models.DateTimeField(
        "posted at", help_text="When the post went up, in UK time. The feed shows the newest first."
    )
    image = models.ForeignKey(
        SiteImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the post's picture, uploaded here (it is never loaded from the other site).",
    )
    shown = models.BooleanField(default=True, help_text="Untick to hide the post from the site without deleting it.")
    source_id = models.CharField(
        "feed entry id",
        max_length=500,
        blank=True,
        editable=False,
        help_text="The id its feed gave an imported post, so importing again adds it only once. Blank when pasted in.",
    )

    panels = [
        FieldPanel("platform"),
        FieldPanel("account_name"),
        FieldPanel("handle"),
        FieldPanel("text"),
        FieldPanel("url"),
        FieldPanel("posted_at"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("shown")], heading="Publishing"),
    ]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.SearchField("account_name"),
        index.SearchField("handle"),
        index.FilterField("platform"),
        index.FilterField("shown"),
    ]

    class Meta:
        ordering = ["-posted_at", "-pk"]
        verbose_name = "social media post"
        # The table it had when the posts lived inside news/ (social/migrations/0001_initial.py).
        db_table = "news_socialpost"
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "source_id"],
                condition=~models.Q(source_id=""),
                name="socialpost_unique_source_id",
                violation_error_message="A post with this feed entry id is already there for this platform.",
            )
        ]

    def __str__(self):
        return f"{self.get_platform_display()}, {self.posted_at:%d %b %Y}: {self.text[:60]}"

    def get_preview_template(self, request, mode_name):
        return "social/preview.html"

    def get_preview_context(self, request, mode_name):
        return {"posts": [self]}

    @property
    def view_label(self):
        """The link text visitors see: "View on Facebook", or a neutral one for a site we do not name."""
        if self.platform == Platform.OTHER:
            return "View the original post"
        return f"View on {self.get_platform_display()}"

    @property
    def profile_url(self):
        """The account's page on its platform, when its handle has a simple address there."""
        return profile_url(self.platform, self.handle, self.url) if self.handle else None

    def text_parts(self):
        """The post's opening and the rest (empty when the post is short), split between words."""
        if len(self.text) <= SEE_MORE_AFTER:
            return self.text, ""
        cut = self.text.rfind(" ", 0, SEE_MORE_AFTER)
        cut = cut if cut > SEE_MORE_AFTER // 2 else SEE_MORE_AFTER
        return self.text[:cut], self.text[cut:]


def social_posts(offset, count):
    """The shown posts, newest first, from `offset`, with their images' renditions fetched alongside."""
    images = SiteImage.objects.prefetch_renditions(*POST_IMAGE_RENDITIONS)
    posts = SocialPost.objects.filter(shown=True).prefetch_related(Prefetch("image", queryset=images))
    return list(posts.order_by("-posted_at", "-pk")[offset : offset + count])


def page_href(number, per_page=POSTS_PER_PAGE):
    return f"{reverse('social:page')}?per={per_page}&page={number}"
