from django.conf import settings
from django.db import models
from django.db.models import Max
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin
from wagtail.search import index

from endorsements.gallery import gallery_context
from endorsements.kinds import KIND_PLURALS, KIND_SINGULARS, OrganisationKind, Region  # noqa: F401 (their home before)
from endorsements.querysets import OrganisationQuerySet
from website.models import BasePage
from website.page_views import route_view
from website.storage import private_storage


class Organisation(PreviewableMixin, index.Indexed, Orderable):
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
        index.FilterField("region"),
        index.FilterField("listed"),
        index.FilterField("show_logo"),
    ]

    objects = OrganisationQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = "organisation"
        # save() numbers new organisations, but bulk creation does not: creation order breaks the tie.
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "endorsements/organisation_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"organisation": self}

    def save(self, *args, **kwargs):
        # New organisations join the end of the editors' order, however they were made.
        if self.sort_order is None:
            last = Organisation.objects.aggregate(last=Max("sort_order"))["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    @property
    def shows_logo(self):
        return bool(self.show_logo and self.logo_id)


class EndorsementsPage(RoutablePageMixin, BasePage):
    """The wall of every listed organisation, and the form for organisations asking to join it."""

    # Its form has no CSRF token on the page every visitor shares; a post without one comes back to send again
    # (website/shared_forms.py).
    shares_its_form = True

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A few sentences above the organisations, such as why they back the network.",
    )
    request_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown above the form organisations fill in to ask to endorse the network.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after an organisation has sent its request, e.g. what happens next and how long it takes.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("request_intro"), FieldPanel("thank_you_text")], heading="Organisations asking to endorse"
        ),
    ]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = (
        "The organisations that back the network, by kind and region, and the form to ask to endorse. There is one."
    )

    class Meta:
        verbose_name = "endorsements page"

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **gallery_context(request, Organisation.objects)}

    @path("")
    def gallery(self, request):
        return self.render(request)

    @path("ask/")
    def ask(self, request):
        return route_view("endorsements.ask_to_endorse")(self, request)

    @path("ask/thanks/")
    def thanks(self, request):
        return route_view("endorsements.thank_you")(self, request)


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class EndorsementRequest(models.Model):
    """An organisation asking, through the public form, to be listed as backing the network."""

    # Kept out of Wagtail's reference index: a visitor's record is nobody's "usage" of a page, and indexing it
    # would queue a task for every action on launch day (website/personal_data.py).
    wagtail_reference_index_ignore = True

    name = models.CharField(max_length=255, help_text="The organisation's name as it writes it.")
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices, help_text="What sort of organisation.")
    region = models.CharField(
        max_length=32, choices=Region.choices, default=Region.UK_WIDE, help_text="Where it organises."
    )
    website = models.URLField(blank=True, help_text="Its own site.")
    contact_name = models.CharField(max_length=200, help_text="Who asked, on the organisation's behalf.")
    contact_email = models.EmailField(help_text="Where we write about the request.")
    # Private until an editor approves the request (then a copy joins the image library): nobody has looked at it yet.
    logo = models.FileField(
        upload_to="endorsement-requests/%Y/%m/",
        storage=private_storage,
        blank=True,
        help_text="The logo it sent (PNG, JPEG, WebP, AVIF or SVG; SVGs are stripped of anything that could run).",
    )
    statement = models.TextField(blank=True, max_length=2000, help_text="Its statement of support.")
    consent_logo = models.BooleanField(default=False, help_text="It agreed that we show its logo.")
    consent_contact = models.BooleanField(default=False, help_text="Its contact agreed that we write to them.")
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The campaign it asks to back; empty when it backs the network as a whole.",
    )
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING, help_text="Where the review is."
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="endorsement_requests",
        help_text="The organisation approving it created or matched.",
    )
    submitted_at = models.DateTimeField(auto_now_add=True, help_text="When the request arrived.")
    reviewed_at = models.DateTimeField(null=True, blank=True, help_text="When an editor approved or declined it.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who approved or declined it.",
    )
    # Empty while a mail outage holds the e-mail back, for `send_endorsement_emails` to retry.
    editors_told_at = models.DateTimeField(
        "editors e-mailed", null=True, blank=True, editable=False, help_text="When the editors were e-mailed about it."
    )
    contact_told_at = models.DateTimeField(
        "contact e-mailed",
        null=True,
        blank=True,
        editable=False,
        help_text="When its contact was e-mailed the decision.",
    )
    # Set by whoever is sending each e-mail, so that it goes once (website/mail.py).
    editors_claimed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When a sender took on the editors' e-mail."
    )
    contact_claimed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When a sender took on the contact's e-mail."
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "endorsement request"

    def __str__(self):
        return f"{self.name} ({self.get_status_display().lower()})"

    @property
    def is_pending(self):
        return self.status == RequestStatus.PENDING
