from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class OrganisationKind(models.TextChoices):
    TRADE_UNION = "trade_union", "Trade union"
    UNION_BRANCH = "union_branch", "Union branch"
    LEFT_GROUP = "left_group", "Constituency party or left group"
    CAMPAIGN_GROUP = "campaign_group", "Campaign group"
    COMMUNITY_GROUP = "community_group", "Community group"
    MUTUAL_AID = "mutual_aid", "Mutual-aid network"
    MPS_GROUP = "mps_group", "Group of MPs"
    OTHER = "other", "Other"


class Region(models.TextChoices):
    UK_WIDE = "uk", "UK-wide"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"


class Organisation(index.Indexed, Orderable):
    """A body that backs the network: shown in the logo galleries and chosen as a campaign's backer."""

    name = models.CharField(max_length=255, unique=True, help_text="The organisation's name as it writes it.")
    kind = models.CharField(
        max_length=32, choices=OrganisationKind.choices, help_text="What sort of organisation it is."
    )
    region = models.CharField(
        max_length=32,
        choices=Region.choices,
        default=Region.UK_WIDE,
        help_text="Where it organises; UK-wide for national bodies.",
    )
    website = models.URLField(blank=True, help_text="Its own site; the logo links there.")
    logo = models.ForeignKey(
        "website.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Its logo. Shown only if the organisation agreed below.",
    )
    show_logo = models.BooleanField(
        default=False,
        verbose_name="May show logo",
        help_text="Tick only when the organisation has agreed that we show its logo.",
    )
    listed = models.BooleanField(
        default=True, help_text="Untick to hide the organisation from every gallery and listing on the site."
    )
    date_endorsed = models.DateField(null=True, blank=True, help_text="When it endorsed the network.")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("region")], heading="Kind and region"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("show_logo")], heading="Logo"),
        MultiFieldPanel([FieldPanel("listed"), FieldPanel("date_endorsed")], heading="Listing"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("listed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "organisation"

    def __str__(self):
        return self.name
