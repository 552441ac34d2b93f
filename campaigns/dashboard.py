"""The dashboard's next events, with the number registered for those allowed to see registrations."""

from django.db.models import Count
from django.utils import timezone
from wagtail.admin.ui.components import Component

from campaigns.models import EventPage


class UpcomingEventsPanel(Component):
    """The next live events; with the number registered for those allowed to see registrations."""

    name = "upcoming_events"
    template_name = "campaigns/admin/upcoming_events_panel.html"
    order = 160
    shown = 8

    def __init__(self, *, with_registrations=False):
        self.with_registrations = with_registrations

    def get_context_data(self, parent_context=None):
        events = (
            EventPage.objects.live()
            .filter(end__gt=timezone.now())
            .order_by("start", "pk")
            .only("pk", "title", "start", "capacity")
        )
        if self.with_registrations:
            events = events.annotate(registered=Count("registrations"))
        return {"events": list(events[: self.shown]), "with_registrations": self.with_registrations}
