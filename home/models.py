from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import HomePageBodyBlock
from home.livestream_notice import LivestreamNotice

__all__ = ["HomePage", "LivestreamNotice"]
from website.models import BasePage


class HomePage(BasePage):
    """The front page: the network's statement and what is happening now."""

    body = StreamField(
        HomePageBodyBlock(),
        blank=True,
        help_text="The home page's sections, top to bottom: add, reorder or remove them.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.StandardPage",
        "campaigns.CampaignIndexPage",
        "campaigns.EventIndexPage",
        "news.NewsIndexPage",
        "endorsements.EndorsementsPage",
        "signup.SignUpPage",
        "letters.OpenLetterPage",
        "petitions.PetitionPage",
    ]
    page_description = "The site's front page. There is only one."

    class Meta:
        verbose_name = "home page"

    @property
    def opens_with_hero(self):
        """Whether the first section is a hero, whose heading is then the page's <h1>. Read from the stored data:
        asking loads nothing the hero chooses."""
        return bool(self.body) and self.body.raw_data[0]["type"] == "hero"
