from django.urls import include, path, reverse
from wagtail import hooks

from website import two_factor, workflow_review
from website.dashboard import (
    AwaitingReviewPanel,
    PendingRequestsPanel,
    ScheduledPagesPanel,
    UpcomingEventsPanel,
    WeeklyCountsPanel,
)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    """What waits for this editor and what is coming; counts of people only for those allowed to see them."""
    from campaigns.models import Registration, Supporter

    user = request.user
    # Ours, with Approve and Request changes in sight, in place of Wagtail's "Awaiting your review".
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != AwaitingReviewPanel.name]
    panels.append(AwaitingReviewPanel())
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
    if user.has_perm("campaigns.view_supporter"):
        panels.append(
            WeeklyCountsPanel(
                name="weekly-signups",
                heading="New sign-ups",
                queryset=Supporter.objects.all(),
                date_field="created_at",
                link_url=reverse("campaigns_supporter_modeladmin_index"),
            )
        )


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("", include(two_factor.urlpatterns)), path("", include(workflow_review.urlpatterns))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": "Two-step sign-in",
        "help_text": "Ask for a code from an authenticator app as well as your password when you sign in.",
    }
