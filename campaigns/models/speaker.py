from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class EventSpeaker(Orderable):
    """One speaker in an event's line-up, in the order editors put them."""

    page = ParentalKey("campaigns.EventPage", on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=120, help_text="Their name as it should appear, such as 'Richard Burgon'.")
    role = models.CharField(
        max_length=120, blank=True, help_text="What they are, such as 'MP for Leeds East' or 'secretary'. Optional."
    )
    organisation = models.CharField(
        max_length=160,
        blank=True,
        help_text="The union, group or party they speak for, such as 'Socialist Campaign Group'. Optional.",
    )
    photo = models.ForeignKey(
        "website.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait, cropped square on the page; set its focal point on their face. Optional.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]),
        FieldPanel("photo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "speaker"
        # Rows made in code (the demo, imports) may carry no position: creation order breaks the tie.
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def description(self):
        """'secretary, Socialist Campaign Group': their role and organisation, as far as given."""
        return ", ".join(part for part in (self.role, self.organisation) if part)
