"""'Signup and get organised': the page editors word, and the supporters who sign up on it.

What people give here can show their political opinions (special category data under UK GDPR), so a record
holds exactly the consent its person gave, in the words they saw, and stays pending until they confirm their
address. Nothing is sent before the record is saved; see signup/views.py.
"""

import hashlib
import secrets

from django.db import models
from django.db.models.functions import Lower
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from website.models import BasePage
from website.page_views import route_view

DEFAULT_INTERESTS = "Campaigns\nEvents and rallies\nVolunteering"
DEFAULT_EMAIL_CONSENT = "Yes, e-mail me about campaigns, events and actions. I can unsubscribe at any time."
DEFAULT_DATA_CONSENT = (
    "I agree that the network may hold what I give here, which may show my political opinions, to organise with "
    "me. I can ask for it to be deleted at any time."
)


class SignUpPage(RoutablePageMixin, BasePage):
    """The sign-up form, its wording, and the pages a supporter sees after sending it and confirming."""

    # Its form has no CSRF token on the page every visitor shares; a post without one comes back to send again
    # (website/shared_forms.py).
    shares_its_form = True

    intro = RichTextField(blank=True, help_text="Above the form: why to sign up and what happens next.")
    membership_question = models.CharField(
        max_length=200,
        default="Are you a member of a union, constituency party or group? Which?",
        help_text="The question about membership; the answer is optional.",
    )
    interests = models.TextField(
        default=DEFAULT_INTERESTS,
        max_length=1000,
        help_text="What people may say they want to do, one per line. Each becomes a tick box.",
    )
    email_consent_text = models.TextField(
        default=DEFAULT_EMAIL_CONSENT,
        max_length=500,
        help_text="The wording of the box for e-mail updates. Changing it starts a new consent version.",
    )
    data_consent_text = models.TextField(
        default=DEFAULT_DATA_CONSENT,
        max_length=800,
        help_text="The wording of the box that lets the network hold the person's details. Required to sign up. "
        "Changing it starts a new consent version.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked beside the consent boxes.",
    )
    organisation_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where organisations ask to endorse the network; the form points them there.",
    )
    thank_you_text = RichTextField(
        blank=True,
        default="<p>Thank you. We have sent you an e-mail: click the link in it to confirm your sign-up.</p>",
        help_text="Shown after the form is sent. Say that they need to confirm by e-mail.",
    )
    confirmed_text = RichTextField(
        blank=True,
        default="<p>You are signed up. We will be in touch about campaigns, events and actions near you.</p>",
        help_text="Shown when someone clicks the confirmation link.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("membership_question"), FieldPanel("interests")], heading="Questions"),
        MultiFieldPanel(
            [FieldPanel("email_consent_text"), FieldPanel("data_consent_text"), FieldPanel("privacy_page")],
            heading="Consent",
        ),
        FieldPanel("organisation_page"),
        MultiFieldPanel([FieldPanel("thank_you_text"), FieldPanel("confirmed_text")], heading="Afterwards"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = "The 'Signup and get organised' form, with its consent wording and thank-you texts."

    class Meta:
        verbose_name = "sign-up page"
        # The table it had when the sign-up lived inside campaigns/ (signup/migrations/0001_initial.py).
        db_table = "campaigns_signuppage"

    def interest_choices(self):
        return [line.strip() for line in self.interests.splitlines() if line.strip()]

    @property
    def consent_version(self):
        """Changes whenever the consent wording does, so each record says which wording its person saw."""
        wording = "\n".join([self.email_consent_text, self.data_consent_text])
        return hashlib.sha256(wording.encode()).hexdigest()[:12]

    @path("")
    def form(self, request):
        return route_view("signup.sign_up")(request, self)

    @path("thanks/")
    def thanks(self, request):
        return route_view("signup.thanks")(request, self)


class SupporterStatus(models.TextChoices):
    PENDING = "pending", "Waiting for confirmation"
    CONFIRMED = "confirmed", "Confirmed"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"


def new_nonce():
    return secrets.token_urlsafe(16)


class Supporter(models.Model):
    """Someone who signed up. Their details and consent, and where their confirmation stands."""

    # Kept out of Wagtail's reference index: a visitor's record is nobody's "usage" of a page, and indexing it
    # would queue a task for every action on launch day (website/personal_data.py).
    wagtail_reference_index_ignore = True

    page = models.ForeignKey(SignUpPage, null=True, on_delete=models.SET_NULL, related_name="supporters")
    status = models.CharField(max_length=16, choices=SupporterStatus.choices, default=SupporterStatus.PENDING)
    name = models.CharField(max_length=100)
    # Null once anonymised, so the unique address constraint never collides.
    email = models.EmailField(max_length=254, null=True)
    postcode = models.CharField(max_length=10, blank=True)
    membership = models.CharField(max_length=200, blank=True)
    interests = models.JSONField(default=list, blank=True)
    email_updates = models.BooleanField(default=False, verbose_name="wants e-mail updates")
    data_consent = models.BooleanField(default=False, verbose_name="agreed we hold their data")
    consent_text = models.TextField(blank=True, help_text="The consent wording they saw and what they ticked.")
    consent_version = models.CharField(max_length=12, blank=True)
    consented_at = models.DateTimeField(null=True)
    # A second sign-up with a known address waits here until the address's owner confirms it.
    pending_changes = models.JSONField(null=True, blank=True)
    pending_since = models.DateTimeField(null=True, blank=True)
    confirmation_nonce = models.CharField(max_length=32, default=new_nonce)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # Set by whoever is sending the confirmation, so that it goes once (website/mail.py).
    confirmation_claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "supporter"
        db_table = "campaigns_supporter"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="unique_supporter_email")]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.name or f"Anonymised supporter {self.pk}"

    @property
    def interests_display(self):
        return ", ".join(self.interests)
