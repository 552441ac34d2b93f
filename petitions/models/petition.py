"""The petition page: who it is addressed to, what it asks and why, its goal and dates, and its consent wording."""

import hashlib

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from website.models import BasePage
from website.page_views import route_view

DEFAULT_TARGET = "Labour's National Executive Committee"
DEFAULT_DATA_CONSENT = (
    "I agree that the network may keep my signature, which shows my political opinions, to count it and hand it in. "
    "I can ask for it to be deleted at any time."
)
DEFAULT_UPDATES_CONSENT = (
    "Keep me updated: e-mail me about this petition and the network's campaigns. I can unsubscribe at any time."
)


class PetitionPage(RoutablePageMixin, BasePage):
    """A petition visitors sign; each signature counts once its e-mail address is confirmed."""

    # Its form has no CSRF token on the page every visitor shares (website/shared_forms.py).
    shares_its_form = True

    target = models.CharField(
        max_length=200,
        default=DEFAULT_TARGET,
        help_text="Who the petition is addressed to, such as Labour's National Executive Committee.",
    )
    ask = models.TextField(
        max_length=600, help_text="What the petition asks of them, in a sentence or two. Shown in large type."
    )
    why = RichTextField(blank=True, help_text="Why it matters: the reasons, in a few short paragraphs.")
    goal = models.PositiveIntegerField(
        default=1000,
        validators=[MinValueValidator(1)],
        help_text="How many signatures to aim for. Raise it once it is reached: the page then shows the goal "
        "passed as a milestone beside the new one.",
    )
    closes_on = models.DateField(
        null=True,
        blank=True,
        help_text="Optional: the last day people may sign. Signing stops after it, and the page says so.",
    )
    closed = models.BooleanField(
        default=False, help_text="Tick to stop signing now, whatever the closing date. The count stays on the page."
    )
    hand_in_on = models.DateField(
        null=True, blank=True, help_text="Optional: when the signatures will be handed in. Shown on the page."
    )
    # Kept by save(), not typed: the goals the petition passed before an editor raised them (its milestones), and
    # the day signing was switched off with the box (from which its signatures' retention counts, docs/privacy.md).
    goals_passed = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The goals reached before an editor raised the goal, lowest first: shown as milestones.",
    )
    closed_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The day signing was stopped with the box; empty while it is open.",
    )
    data_consent_text = models.TextField(
        default=DEFAULT_DATA_CONSENT,
        max_length=800,
        help_text="The wording of the box that lets the network keep a signature. Required to sign; each "
        "signature records the wording its signer saw.",
    )
    updates_consent_text = models.TextField(
        default=DEFAULT_UPDATES_CONSENT,
        max_length=500,
        help_text="The wording of the optional box for e-mail updates. Ticked, it makes a sign-up once the "
        "signature is confirmed.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("target"), FieldPanel("ask"), FieldPanel("why")], heading="The petition"),
        MultiFieldPanel(
            [FieldPanel("goal"), FieldPanel("closes_on"), FieldPanel("closed"), FieldPanel("hand_in_on")],
            heading="Goal and dates",
        ),
        MultiFieldPanel([FieldPanel("data_consent_text"), FieldPanel("updates_consent_text")], heading="Consent"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("target"), index.SearchField("ask")]

    # Under a campaign (its count shows there too), or on its own under the home page, as an open letter may be.
    parent_page_types = ["campaigns.CampaignPage", "home.HomePage"]
    subpage_types = []
    page_description = "A petition, under a campaign or on its own: its target, demand, goal, dates and live count."

    class Meta:
        verbose_name = "petition"

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.keep_milestones_and_closing_day()
        return super().save(*args, **kwargs)

    def keep_milestones_and_closing_day(self):
        """On publishing: a goal raised once the count had reached it becomes a milestone (merged with those the
        live row holds, which a draft started earlier may not know of); ticking "closed" records the day."""
        fields = ("goal", "goals_passed", "closed_on")
        live = type(self).objects.filter(pk=self.pk).values(*fields).first() if self.pk else None
        passed = set(self.goals_passed or []) | set(live["goals_passed"] if live else [])
        if live and self.goal > live["goal"] and self.signature_count >= live["goal"]:
            passed.add(live["goal"])
        self.goals_passed = sorted(goal for goal in passed if goal < self.goal)
        if not self.closed:
            self.closed_on = None
        elif self.closed_on is None:
            self.closed_on = (live and live["closed_on"]) or timezone.localdate()

    @property
    def consent_version(self):
        """Changes whenever the consent wording does, so a form opened before a change is sent again."""
        wording = "\n".join([self.data_consent_text, self.updates_consent_text])
        return hashlib.sha256(wording.encode()).hexdigest()[:12]

    @property
    def is_open(self):
        """Whether people may sign now: not switched off, and its closing date (if any) not yet past."""
        if self.closed:
            return False
        return self.closes_on is None or timezone.localdate() <= self.closes_on

    @property
    def signature_count(self):
        """The confirmed signatures, read from the counter row (one query; none when a listing fetched it)."""
        counter = getattr(self, "signaturecount", None) if self.pk else None
        return counter.confirmed if counter is not None else 0

    def get_share_description(self):
        return self.listing_summary or self.ask

    @path("")
    def sign(self, request):
        return route_view("petitions.sign")(request, self)

    @path("thanks/")
    def thanks(self, request):
        return route_view("petitions.thanks")(request, self)
