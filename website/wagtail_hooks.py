from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from website import data_rights, two_factor, user_admin, workflow_review
from website.dashboard import AwaitingReviewPanel, ScheduledPagesPanel


@hooks.register("construct_homepage_panels")
def add_scheduled_pages_panel(request, panels):
    """What is due to go live, and what waits for this moderator. Each app adds its own panels from its
    wagtail_hooks.py."""
    # Ours, with Approve and Request changes in sight, in place of Wagtail's "Awaiting your review".
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != AwaitingReviewPanel.name]
    panels.append(AwaitingReviewPanel())
    panels.append(ScheduledPagesPanel())


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


# After Wagtail's own (order=1), so that these replace them: bulk actions on users obey website/account_rights.py.
for action_class in user_admin.BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)


@hooks.register("register_admin_urls")
def data_rights_urls():
    return [path("", include(data_rights.urlpatterns))]


class DataRightsMenuItem(MenuItem):
    def is_shown(self, request):
        return data_rights.may_manage_data_rights(request.user)


@hooks.register("register_admin_menu_item")
def data_rights_menu():
    """Data rights → Find a person, Log: only for those with the data-rights permission."""
    return SubmenuMenuItem(
        "Data rights",
        Menu(
            items=[
                DataRightsMenuItem("Find a person", reverse("data_rights"), icon_name="search", order=100),
                DataRightsMenuItem("Log", reverse("data_rights_log"), icon_name="history", order=200),
            ]
        ),
        icon_name="user",
        order=320,
    )


@hooks.register("register_permissions")
def data_rights_permission():
    """Lets a superuser give the data-rights tool to a group from the group's page."""
    return Permission.objects.filter(content_type__app_label="website", codename="manage_data_rights")
