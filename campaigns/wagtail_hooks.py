import re

from django.contrib.admin import SimpleListFilter
from django.urls import reverse
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from campaigns.dashboard import UpcomingEventsPanel
from campaigns.models import EventPage, Registration
from website.admin_exports import SafeExportModelAdmin
from website.dashboard import WeeklyCountsPanel


class EventFilter(SimpleListFilter):
    """By event, newest first. (Django's own foreign-key filter needs django.contrib.admin, which we don't run.)"""

    title = "event"
    parameter_name = "event"

    def lookups(self, request, model_admin):
        return [(str(pk), title) for pk, title in EventPage.objects.order_by("-start").values_list("pk", "title")]

    def queryset(self, request, queryset):
        if self.value() and re.fullmatch(r"[0-9]{1,18}", self.value()):
            return queryset.filter(event_id=int(self.value()))
        return queryset


class RegistrationAdmin(SafeExportModelAdmin):
    """People who registered for events, to plan the room and to export for the organisers."""

    model = Registration
    menu_label = "Event registrations"
    menu_icon = "date"
    menu_order = 300
    add_to_settings_menu = False
    list_display = ("name", "email", "event", "status", "organisation", "created_at")
    list_filter = (EventFilter, "waitlisted", "created_at")
    list_select_related = ("event",)
    search_fields = ("name", "email", "organisation")
    list_export = (
        "event",
        "name",
        "email",
        "postcode",
        "organisation",
        "accessibility_needs",
        "status",
        "created_at",
    )
    export_filename = "event-registrations"
    inspect_view_enabled = True
    inspect_view_fields = [*list_export, "confirmation_sent_at"]


modeladmin_register(RegistrationAdmin)


@hooks.register("construct_homepage_panels")
def add_events_panels(request, panels):
    """The next events for everyone; how many registered, and this week's registrations, for those who may see them."""
    can_see_registrations = request.user.has_perm("campaigns.view_registration")
    panels.append(UpcomingEventsPanel(with_registrations=can_see_registrations))
    if can_see_registrations:
        panels.append(
            WeeklyCountsPanel(
                name="weekly-registrations",
                heading="Event registrations",
                queryset=Registration.objects.all(),
                date_field="created_at",
                link_url=reverse("campaigns_registration_modeladmin_index"),
            )
        )
