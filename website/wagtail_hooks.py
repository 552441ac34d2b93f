from django.urls import include, path, reverse
from wagtail import hooks

from website import two_factor
from website.dashboard import ScheduledPagesPanel


@hooks.register("construct_homepage_panels")
def add_scheduled_pages_panel(request, panels):
    """What is due to go live. Each app adds its own panels from its wagtail_hooks.py."""
    panels.append(ScheduledPagesPanel())


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
