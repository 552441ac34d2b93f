"""Letter signatories in the admin: moderators review them, supporter data managers export them; nobody edits them."""

from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import modeladmin_register
from wagtail_modeladmin.views import InspectView

from letters.admin_views import REVIEW_PERMISSION, review_signatory
from letters.choices import SignatoryStatus
from letters.dashboard import SignatoriesToReviewPanel
from letters.models import OpenLetterPage, Signatory
from website.admin_exports import SafeExportIndexView, SafeExportModelAdmin


class LetterFilter(SimpleListFilter):
    title = "letter"
    parameter_name = "letter"

    def lookups(self, request, model_admin):
        return [(letter.pk, letter.title) for letter in OpenLetterPage.objects.order_by("title").only("pk", "title")]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(letter_id=value) if value and value.isdigit() else queryset


CONTACT = "letters.contact_signatory"
# What only those with CONTACT see of a signatory: supporters' data, not needed to review a public name.
CONTACT_FIELDS = ("email", "keep_updated", "consent_text")


def without_contact(request, fields):
    return list(fields) if request.user.has_perm(CONTACT) else [f for f in fields if f not in CONTACT_FIELDS]


class SignatoryIndexView(SafeExportIndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.request.user.has_perm(CONTACT):
            raise PermissionDenied
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_queryset(self, request=None):
        queryset = super().get_queryset(request).filter(email__isnull=False)
        if self.export:
            # Exports are of people who confirmed their address; what they typed and the consent they gave.
            queryset = queryset.exclude(status=SignatoryStatus.UNCONFIRMED)
        return queryset


class SignatoryInspectView(InspectView):
    def get_fields_dict(self):
        names = without_contact(self.request, self.model_admin.get_inspect_view_fields())
        return [self.get_dict_for_field(name) for name in names]


class SignatoryPermissionHelper(PermissionHelper):
    """People's own words are never typed in or edited by an editor; erasure goes through the data-rights tool."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_has_any_permissions(self, user):
        # Listing, inspecting and exporting need "view" itself.
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))


class SignatoryButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status != SignatoryStatus.UNCONFIRMED and self.request.user.has_perm(REVIEW_PERMISSION):
            label = "Approve or reject" if obj.awaits_review else "Change decision"
            buttons.insert(
                0,
                {
                    "url": reverse("letters_review_signatory", args=[obj.pk]),
                    "label": label,
                    "classname": self.finalise_classname(classnames_add or []),
                    "title": f"{label}: {obj.name}",
                },
            )
        return buttons


@modeladmin_register
class SignatoryAdmin(SafeExportModelAdmin):
    model = Signatory
    index_view_class = SignatoryIndexView
    inspect_view_class = SignatoryInspectView
    menu_label = "Letter signatories"
    menu_icon = "edit"
    menu_order = 320
    add_to_settings_menu = False
    permission_helper_class = SignatoryPermissionHelper
    button_helper_class = SignatoryButtonHelper
    inspect_view_enabled = True
    list_display = ["name", "role", "organisation", "letter", "status", "keep_updated", "created_at"]
    list_filter = ["status", LetterFilter, "keep_updated", "created_at"]
    search_fields = ["name", "role", "organisation", "email"]
    list_export = [
        "name",
        "role",
        "organisation",
        "email",
        "letter",
        "status",
        "keep_updated",
        "consent_text",
        "created_at",
        "confirmed_at",
        "reviewed_at",
    ]
    export_filename = "letter-signatories"
    inspect_view_fields = [
        "name",
        "role",
        "organisation",
        "email",
        "letter",
        "status",
        "keep_updated",
        "consent_text",
        "created_at",
        "confirmed_at",
        "reviewed_at",
    ]

    def get_list_display(self, request):
        return without_contact(request, super().get_list_display(request))

    def get_list_filter(self, request):
        return without_contact(request, super().get_list_filter(request))

    def get_search_fields(self, request):
        # Searching by address would tell a moderator whether someone signed.
        return without_contact(request, super().get_search_fields(request))

    def get_list_export(self, request):
        return super().get_list_export(request) if request.user.has_perm(CONTACT) else ()

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path("letters/signatory/review/<int:pk>/", review_signatory, name="letters_review_signatory"),
        )


@hooks.register("construct_homepage_panels")
def add_signatories_panel(request, panels):
    """Signatories waiting for review, for those who review them."""
    if request.user.has_perm(REVIEW_PERMISSION):
        panels.append(SignatoriesToReviewPanel())
