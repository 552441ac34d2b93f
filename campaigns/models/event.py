from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.actions import event_actions, primary_event_action
from campaigns.querysets import EventPageManager, line_up
from website.blocks import BodyBlock, LivestreamBlock
from website.blocks.rich_text import BODY_FEATURES
from website.models import BasePage
from website.page_views import route_view
from website.video_urls import LIVESTREAM_MESSAGE, parse_video_url

PAST_EVENTS_PER_PAGE = 12


class EventKind(models.TextChoices):
    RALLY = "rally", "Rally"
    MEETING = "meeting", "Meeting"
    ONLINE = "online", "Online event"


class EventBodyBlock(BodyBlock):
    livestream = LivestreamBlock()


class EventIndexPage(BasePage):
    """Every event: the upcoming ones first, the past ones apart below."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence or two above the list of events.")

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.EventPage"]
    page_description = "The list of rallies, meetings and online events. There is only one; events go under it."

    class Meta:
        verbose_name = "event index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            upcoming_events=EventPage.objects.upcoming(),
            past_events=Paginator(EventPage.objects.past(), PAST_EVENTS_PER_PAGE).get_page(request.GET.get("page")),
        )
        return context


class EventPage(RoutablePageMixin, BasePage):
    """A rally, meeting or online event that people register for."""

    # Its form has no CSRF token on the page every visitor shares; a post without one comes back to send again
    # (website/shared_forms.py).
    shares_its_form = True

    kind = models.CharField(
        max_length=16, choices=EventKind.choices, default=EventKind.RALLY, help_text="What sort of event it is."
    )
    hero_image = models.ForeignKey(
        "website.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The wide picture at the top of the page and on its card; set its focal point for phones.",
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The campaign it is part of, if any: the event is listed on that campaign's page.",
    )
    start = models.DateTimeField(help_text="When it starts, in UK time (the site allows for the clocks changing).")
    end = models.DateTimeField(help_text="When it ends, in UK time. Registration closes then.")
    venue_name = models.CharField(
        max_length=200, blank=True, help_text="Where it is, such as 'Friends Meeting House'. Blank for online events."
    )
    address = models.TextField(
        blank=True, max_length=500, help_text="The venue's full address with postcode, one part per line."
    )
    livestream_url = models.URLField(
        "livestream URL",
        blank=True,
        max_length=500,
        help_text="The stream's own address, where people can watch it live: a YouTube, Vimeo or Facebook video or "
        "live address, such as youtube.com/live/…. Optional.",
    )
    access_information = models.TextField(
        blank=True,
        max_length=1500,
        help_text="Step-free access, toilets, hearing loops, BSL, seating, the nearest station: what people need.",
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many people may register. Later registrations join a waitlist. Blank for no limit.",
    )
    registration_open = models.BooleanField(
        default=True, help_text="Untick to stop taking registrations. They stop anyway once the event is over."
    )
    description = RichTextField(
        features=BODY_FEATURES,
        blank=True,
        help_text="What happens at the event: the programme, what to bring. Speakers go in the line-up.",
    )
    body = StreamField(
        EventBodyBlock(),
        blank=True,
        help_text="Shown under the description: its livestream (start time before, player during, recording after), "
        "videos, pictures, quotes and calls to action.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("listing_summary", heading="Summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("campaign"), FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading="What and when",
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("livestream_url")], heading="Where"
        ),
        FieldPanel("access_information"),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("registration_open")], heading="Registration"),
        InlinePanel(
            "speakers",
            heading="Speakers",
            label="Speaker",
            help_text="The line-up, in the order they are billed: shown on the page, its card and calendar entry.",
        ),
        FieldPanel("description"),
        FieldPanel("body"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_image")], heading="Listings and sharing"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("venue_name"),
        index.RelatedFields(
            "speakers", [index.SearchField("name"), index.SearchField("role"), index.SearchField("organisation")]
        ),
        index.SearchField("description"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    # The listings: EventPage.objects.upcoming(), .past(), .next() (campaigns/querysets.py).
    objects = EventPageManager()

    parent_page_types = ["campaigns.EventIndexPage"]
    subpage_types = []
    page_description = "A rally, meeting or online event, with its time, place, livestream and registration form."

    class Meta:
        verbose_name = "event"

    @property
    def search_result_date(self):
        return self.start

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The end must come after the start."
        if self.kind != EventKind.ONLINE and not self.venue_name:
            errors["venue_name"] = "Say where the event is, or make it an online event."
        if self.livestream_url and parse_video_url(self.livestream_url) is None:
            errors["livestream_url"] = LIVESTREAM_MESSAGE
        if errors:
            raise ValidationError(errors)

    @property
    def card_image(self):
        return self.listing_image or self.hero_image

    def get_share_image(self):
        return self.listing_image or self.hero_image

    @property
    def speaker_names(self):
        """'Richard Burgon and Zarah Sultana': the line-up in a phrase, for cards."""
        names = [speaker.name for speaker in self.speakers.all()]
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)

    @property
    def livestream_address(self):
        """The livestream's address when it is a stream the site recognises (website/video_urls.py), else "":
        only a real stream is offered as "Watch live", in the page, its e-mails and its calendar file."""
        return self.livestream_url if parse_video_url(self.livestream_url) else ""

    @property
    def is_online(self):
        return self.kind == EventKind.ONLINE

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def takes_registrations(self):
        return self.registration_open and not self.is_past

    @property
    def location_text(self):
        if self.is_online:
            return "Online"
        return ", ".join(part for part in [self.venue_name, *self.address.splitlines()] if part.strip())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        actions = event_actions(request, self)
        context.update(
            speakers=line_up(self.speakers), actions=actions, primary_action=primary_event_action(self, actions)
        )
        return context

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar")

    # Visitors' routes: the page with its form, the answer to it, the confirmation (from the e-mail), the calendar
    # file.
    @path("")
    def event(self, request):
        return route_view("campaigns.event_page")(request, self)

    @path("received/")
    def received(self, request):
        return route_view("campaigns.registration_received")(request, self)

    @path("registered/<uuid:token>/")
    def registered(self, request, token):
        return route_view("campaigns.registration_confirmation")(request, self, token)

    @path("add-to-calendar/")
    def calendar(self, request):
        return route_view("campaigns.event_calendar")(request, self)
