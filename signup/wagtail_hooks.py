"""Supporters in the admin: only for the groups allowed to see supporter data (the view_supporter permission)."""

from django.contrib.admin import SimpleListFilter
from django.urls import reverse
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import modeladmin_register

from signup.models import SignUpPage, Supporter, SupporterStatus
from website.admin_exports import SafeExportIndexView, SafeExportModelAdmin
from website.dashboard import WeeklyCountsPanel


class InterestFilter(SimpleListFilter):
    title = "interest"
    parameter_name = "interest"

    def lookups(self, request, model_admin):
        choices = {choice for page in SignUpPage.objects.all() for choice in page.interest_choices()}
        return [(choice, choice) for choice in sorted(choices)]

    def queryset(self, request, queryset):
        if self.value():
            # Interests are a short JSON list; a text match works on SQLite and PostgreSQL alike.
            return queryset.filter(interests__icontains=f'"{self.value()}"')
        return queryset


class SupporterIndexView(SafeExportIndexView):
    def get_queryset(self, request=None):
        queryset = super().get_queryset(request)
        if self.export:
            # Exports are for organising: only confirmed people who agreed that we hold their data.
            queryset = queryset.filter(status=SupporterStatus.CONFIRMED, data_consent=True)
        return queryset


class ReadOnlyPermissionHelper(PermissionHelper):
    """People's own words and consent are never typed in or edited by an editor; erasure is by deletion."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_has_any_permissions(self, user):
        # Listing, inspecting and exporting need "view" itself, not any supporter permission that strays into a group.
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))


class SupporterAdmin(SafeExportModelAdmin):
    model = Supporter
    index_view_class = SupporterIndexView
    menu_label = "Sign-ups"
    menu_icon = "user"
    menu_order = 310
    add_to_settings_menu = False
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ["name", "email", "postcode", "status", "interests_display", "email_updates", "created_at"]
    list_filter = ["status", InterestFilter, "email_updates", "created_at"]
    search_fields = ["name", "email", "postcode", "membership"]
    list_export = [
        "name",
        "email",
        "postcode",
        "membership",
        "interests_display",
        "email_updates",
        "consent_text",
        "consent_version",
        "consented_at",
        "confirmed_at",
    ]
    export_filename = "confirmed-supporters"
    inspect_view_fields = [
        "name",
        "email",
        "postcode",
        "membership",
        "interests_display",
        "status",
        "email_updates",
        "data_consent",
        "consent_text",
        "consent_version",
        "consented_at",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]


modeladmin_register(SupporterAdmin)


@hooks.register("construct_homepage_panels")
def add_signups_panel(request, panels):
    """This week's sign-ups, only for those allowed to see supporters."""
    if request.user.has_perm("signup.view_supporter"):
        panels.append(
            WeeklyCountsPanel(
                name="weekly-signups",
                heading="New sign-ups",
                queryset=Supporter.objects.all(),
                date_field="created_at",
                link_url=reverse("signup_supporter_modeladmin_index"),
            )
        )
