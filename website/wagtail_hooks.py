from django.urls import include, path, reverse
from wagtail import hooks

from website import two_factor, user_admin
from website.dashboard import PendingRequestsPanel, ScheduledPagesPanel, UpcomingEventsPanel, WeeklyCountsPanel


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    """What waits for this editor and what is coming; counts of people only for those allowed to see them."""
    from campaigns.models import Registration

    user = request.user
    panels.append(ScheduledPagesPanel())
    if user.has_perm("endorsements.change_endorsementrequest"):
        panels.append(PendingRequestsPanel())
    can_see_registrations = user.has_perm("campaigns.view_registration")
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


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("", include(two_factor.urlpatterns))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": "Two-step sign-in",
        "help_text": "Ask for a code from an authenticator app as well as your password when you sign in.",
    }


# After Wagtail's own (order=1), so that these replace them: bulk actions on users obey website/account_rights.py.
for action_class in user_admin.BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)
