"""Open letters: the letter an editor writes, the organisations that co-sign it and the people who sign it.

A person's signature is theirs to confirm (a signed e-mailed link) and a moderator's to approve: only approved
signatories ever show on the letter, because a name on a political letter is public speech that needs review.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from endorsements.queries import ask_to_endorse_url
from letters.choices import SignatoryStatus, new_nonce
from letters.queries import letter_context
from letters.share_image import SHARE_IMAGE_SIZE
from website.models import BasePage
from website.page_views import route_view

DEFAULT_UPDATES_CONSENT = (
    "Yes, keep me updated: e-mail me about this campaign and the network's actions. I agree that the network holds "
    "my name and e-mail address to do so, and I can unsubscribe at any time."
)


class OpenLetterPage(RoutablePageMixin, BasePage):
    """An open letter: to whom, what it says, the organisations co-signing it and the people who sign it."""

    # Its form has no CSRF token on the page every visitor shares (website/shared_forms.py).
    shares_its_form = True
    # Approving an organisation's request to co-sign adds it here (endorsements/backing.py).
    backers_relation = "organisation_signatories"

    addressee = models.CharField(
        max_length=255,
        help_text="Who the letter is to, as it opens: for example “Labour's National Executive Committee”.",
    )
    text = RichTextField(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text="The letter itself, from the greeting to the sign-off.",
    )
    sign_intro = models.TextField(
        blank=True,
        max_length=500,
        default="Add your name. A moderator checks each name before it appears below the letter.",
        help_text="A sentence above the form for individual signatories.",
    )
    updates_consent_text = models.TextField(
        default=DEFAULT_UPDATES_CONSENT,
        max_length=500,
        help_text="The wording of the unticked box that signs a person up for updates. Their record keeps what it "
        "said when they ticked it.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        default="<p>Thank you. We have sent you an e-mail: open the link in it to confirm your signature.</p>",
        help_text="Shown after someone sends the form. Say that they need to confirm by e-mail.",
    )
    confirmed_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        default="<p>Your signature is confirmed. Your name appears below the letter once a moderator has checked it."
        "</p>",
        help_text="Shown when someone confirms their signature.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("addressee"),
        FieldPanel("text"),
        InlinePanel(
            "organisation_signatories",
            heading="Organisations co-signing",
            label="Organisation",
            help_text="Organisations that sign the letter, in order. Add a missing one under Organisations first.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("sign_intro"),
                FieldPanel("updates_consent_text"),
                FieldPanel("thank_you_text"),
                FieldPanel("confirmed_text"),
            ],
            heading="Individual signatories",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("addressee"), index.SearchField("text")]

    parent_page_types = ["campaigns.CampaignPage", "home.HomePage"]
    subpage_types = []
    page_description = (
        "An open letter: its text, the organisations co-signing it and the people who sign it, each checked by a "
        "moderator. Usually under the campaign it belongs to."
    )

    class Meta:
        verbose_name = "open letter"

    def campaign_action(self, request):
        """The campaign page's "Take action" card for this letter (campaigns/actions.py)."""
        return {
            "heading": f"Sign the open letter: {self.title}",
            "text": f"Add your name to the letter to {self.addressee}.",
            "url": self.get_url(request) + "#sign",
            "label": "Sign the letter",
        }

    def get_cached_paths(self):
        # The letter and its share image: what a moderator's approval changes (letters/moderation.py).
        return ["/", self.reverse_subpage("share_image")]

    def get_share_description(self):
        return self.listing_summary or f"An open letter to {self.addressee}."

    def get_context(self, request, *args, **kwargs):
        page_number = request.GET.get("page") if request is not None else None
        context = {**super().get_context(request, *args, **kwargs), **letter_context(self, page_number)}
        context.update(
            share_image_url=self.full_url + self.reverse_subpage("share_image") if self.full_url else "",
            share_image_size=SHARE_IMAGE_SIZE,
            ask_to_cosign_url=ask_to_endorse_url(self),
        )
        return context

    @path("")
    def letter(self, request):
        # The views import these models, so they register for the routes (website/page_views.py).
        return route_view("letters.sign")(request, self)

    @path("thanks/")
    def thanks(self, request):
        return route_view("letters.thanks")(request, self)

    @path("share-image/")
    def share_image(self, request):
        return route_view("letters.share_image")(request, self)


class LetterOrganisation(Orderable):
    """An organisation co-signing a letter, in the order editors put them."""

    page = ParentalKey(OpenLetterPage, on_delete=models.CASCADE, related_name="organisation_signatories")
    organisation = models.ForeignKey(
        "endorsements.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose from the organisations; add a missing one under Organisations first.",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = "co-signing organisation"
        # Rows made in code (the demo, imports) may carry no position: creation order breaks the tie.
        ordering = ["sort_order", "pk"]


class Signatory(models.Model):
    """A person who signed an open letter: what they gave, their consent, and where confirmation and review stand."""

    # Kept out of Wagtail's reference index: a visitor's record is nobody's "usage" of a page, and indexing it
    # would queue a task for every action on launch day (website/personal_data.py).
    wagtail_reference_index_ignore = True

    letter = models.ForeignKey(
        OpenLetterPage, on_delete=models.CASCADE, related_name="signatories", help_text="The letter they signed."
    )
    status = models.CharField(
        max_length=16,
        choices=SignatoryStatus.choices,
        default=SignatoryStatus.UNCONFIRMED,
        help_text="Confirmed by e-mail, then approved or rejected by a moderator.",
    )
    name = models.CharField(max_length=100, help_text="Their name as it shows on the letter.")
    role = models.CharField(max_length=100, blank=True, help_text="Their role, e.g. “CLP secretary”.")
    organisation = models.CharField(max_length=150, blank=True, help_text="The organisation they belong to.")
    # Null once erased, so the one-per-address constraint never collides.
    email = models.EmailField(max_length=254, null=True, help_text="Their e-mail address, never shown.")
    keep_updated = models.BooleanField(default=False, help_text="They ticked the box to be kept updated.")
    consent_text = models.TextField(blank=True, help_text="The updates box's wording they saw and whether they ticked.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When they signed.")
    confirmed_at = models.DateTimeField(null=True, blank=True, help_text="When they confirmed their address.")
    reviewed_at = models.DateTimeField(null=True, blank=True, help_text="When a moderator approved or rejected it.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The moderator who approved or rejected it.",
    )
    confirmation_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set by whoever is sending the confirmation, so that it goes once (website/mail.py).
    confirmation_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "letter signatory"
        verbose_name_plural = "letter signatories"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint("letter", Lower("email"), name="one_signature_per_email_per_letter")]
        indexes = [models.Index(fields=["letter", "status", "confirmed_at"])]
        # Reviewing a name needs the name, role and organisation; the address and what they agreed to are
        # supporters' data (letters/wagtail_hooks.py).
        permissions = [("contact_signatory", "Can see, search and export signatories' e-mail addresses and consent")]

    def __str__(self):
        return self.name or f"Erased signatory {self.pk}"

    @property
    def is_approved(self):
        return self.status == SignatoryStatus.APPROVED

    @property
    def awaits_review(self):
        return self.status == SignatoryStatus.PENDING
