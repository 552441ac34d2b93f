from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    get_rendition_storage,
    get_rendition_upload_to,
    get_upload_to,
)
from wagtail.models import Page, PagePermissionTester, PageViewRestriction
from wagtail.search import index

from website.addresses import rebased
from website.blocks import BodyBlock, LinkBlock
from website.fragment_cache import CachedSiteSettingMixin
from website.image_files import WholePixelImageField
from website.page_forms import SitePageForm
from website.slugs import slug_for_title, tidy_slug


class SiteImage(AbstractImage):
    """The site's images, with a credit line for photographers and logo owners."""

    file = WholePixelImageField(
        verbose_name="file", upload_to=get_upload_to, width_field="width", height_field="height"
    )
    credit = models.CharField(
        max_length=255, blank=True, help_text="Who took or owns the picture, if they should be named."
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")


class SiteRendition(AbstractRendition):
    file = WholePixelImageField(
        upload_to=get_rendition_upload_to, storage=get_rendition_storage, width_field="width", height_field="height"
    )
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


SOCIAL_PLATFORMS = [
    ("facebook", "Facebook"),
    ("x", "X (Twitter)"),
    ("instagram", "Instagram"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
]


class SocialLinkValue(blocks.StructValue):
    def platform_name(self):
        return dict(SOCIAL_PLATFORMS).get(self.get("platform"), "")


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, help_text="Which network the account is on.")
    url = blocks.URLBlock(label="URL", help_text="The address of the network's account there.")

    class Meta:
        icon = "site"
        value_class = SocialLinkValue


@register_setting(icon="cog")
class SiteSettings(CachedSiteSettingMixin, BaseSiteSetting):
    """What every page shows: the name, the footer, the share defaults."""

    site_name = models.CharField(
        max_length=100,
        default="Broad Left Network",
        help_text="The network's name, shown in the header and page titles.",
    )
    tagline = models.CharField(
        max_length=200, blank=True, help_text="A few words under the name, such as 'for a broad left network'."
    )
    contact_email = models.EmailField(blank=True, help_text="The public contact address, shown in the footer.")
    contact_text = models.TextField(
        blank=True, max_length=500, help_text="Other contact details for the footer, such as a postal address."
    )
    imprint = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who publishes the site, shown at the foot of every page, e.g. 'Published by … on behalf of …'.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text="The network's accounts, shown in the footer.",
    )
    default_share_image = models.ForeignKey(
        "website.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without its own picture is shared on social media (1200×630 works best).",
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("tagline")], heading="Name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_text"), FieldPanel("imprint")], heading="Footer"
        ),
        FieldPanel("social_links"),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = "Site settings"


@register_setting(icon="list-ul")
class Navigation(CachedSiteSettingMixin, BaseSiteSetting):
    """The menus editors control."""

    header_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="The main menu at the top of every page, in order."
    )
    footer_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="Links in the footer, such as the privacy notice."
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the header's button leads to, such as the sign-up page. Campaign pages offer it too.",
    )
    join_label = models.CharField(
        max_length=30, default="Join", help_text="The words on the header's button: short, such as 'Join'."
    )

    panels = [
        FieldPanel(
            "header_links",
            help_text="The main menu at the top of every page, in order. Left empty, the menu shows the home "
            "page's sections that have 'Show in menus' ticked (under Promote), in their order in the page tree.",
        ),
        MultiFieldPanel([FieldPanel("join_page"), FieldPanel("join_label")], heading="Header button"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "Navigation"


class SitePagePermissionTester(PagePermissionTester):
    """Deleting a page, or moving it (which Wagtail ties to deleting), takes the right to publish it.

    Wagtail lets anyone who may edit a page delete it while it is a draft, so organisers, who edit campaigns
    but never publish, could delete each other's work. The editors' guide gives deletion only to those who
    publish a section (press officers under the news, moderators and administrators everywhere).
    """

    def can_delete(self, ignore_bulk=False):
        may_publish = self.user.is_superuser or "publish" in getattr(self, "permissions", ())
        return may_publish and super().can_delete(ignore_bulk=ignore_bulk)


class BasePage(Page):
    """What every public page type shares: how it looks in listings and when shared."""

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences shown in listings, search results and when the page is shared.",
    )
    listing_image = models.ForeignKey(
        "website.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The picture for listings and social sharing. Falls back to the site's default share image.",
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_summary"), FieldPanel("listing_image")], heading="Listings and sharing"),
    ]

    base_form_class = SitePageForm

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return SitePagePermissionTester(user, self)

    def get_view_restrictions(self):
        # A route kept by website/page_routes.py says which pages on the way hold restrictions: for almost every
        # page none, which costs no query. Otherwise Wagtail looks them up through the page's ancestors.
        restricted = getattr(self, "_restricted_pages", None)
        if restricted is None:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(page_id__in=restricted)

    def _set_core_field_defaults(self):
        # Wagtail fills in a page's defaults here before every validation and save, drafts and autosaves included:
        # the slug loses the hyphens a slugifier left at its ends, and a title that slugifies to nothing (only emoji)
        # still gives one. Wagtail then fills in what remains, as it would.
        self.slug = tidy_slug(self.slug)
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.slug and self.title and parent_is_known:
            self.slug = self._get_autogenerated_slug(slug_for_title(self.title, self._meta.verbose_name))
        super()._set_core_field_defaults()

    def get_share_description(self):
        return self.search_description or self.listing_summary

    def get_sitemap_urls(self, request=None):
        # On the configured site address, as every absolute link (website/addresses.py).
        return [{**url, "location": rebased(url["location"])} for url in super().get_sitemap_urls(request)]

    def get_share_image(self):
        return self.listing_image


class StandardPage(BasePage):
    """A plain page of text, such as 'About', 'Get involved' or the privacy notice."""

    body = StreamField(BodyBlock(), blank=True, help_text="The page's content, top to bottom.")

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]
    page_description = "A plain page of text and pictures, such as 'About us' or the privacy notice."


class ContentGeneration(models.Model):
    """The content generation (website/generation.py) when there is no Redis: one row every app process reads once
    per request, changed by every edit a visitor could see, so that what each process keeps in its own memory goes
    when anything changes anywhere."""

    value = models.BigIntegerField(help_text="A clock reading in nanoseconds, new with every visible change.")

    class Meta:
        verbose_name = "content generation"

    def __str__(self):
        return f"content generation {self.value}"


# The data-rights tool's log (and its permission) and the documents live in modules of their own.
from website.data_rights_log import DataRightsLog  # noqa: E402, F401
from website.documents import SiteDocument  # noqa: E402, F401
