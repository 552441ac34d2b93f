"""Signatures in the admin, for supporter data managers only (the view_signature permission): the listing, the
formula-safe CSV export of confirmed signatures, and each petition's printable hand-in list. Moderators review the
names signers asked to show (petitions/names.py), and see nothing else of them."""

from django.contrib.admin import SimpleListFilter
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import modeladmin_register

from petitions import hand_in, names
from petitions.models import PetitionPage, Signature
from website.admin_exports import SafeExportIndexView, SafeExportModelAdmin

VIEW_SIGNATURE = "petitions.view_signature"


class PetitionFilter(SimpleListFilter):
    title = "petition"
    parameter_name = "petition"

    def lookups(self, request, model_admin):
        return list(PetitionPage.objects.order_by("title").values_list("pk", "title"))

    def queryset(self, request, queryset):
        return queryset.filter(petition_id=self.value()) if self.value() else queryset


class SignatureIndexView(SafeExportIndexView):
    def get_queryset(self, request=None):
        queryset = super().get_queryset(request).select_related("petition")
        if self.export:
            # Only signatures that count: confirmed by their owner.
            queryset = queryset.filter(confirmed_at__isnull=False)
        return queryset


class ReadOnlyPermissionHelper(PermissionHelper):
    """Signatures are the signers' own words: never typed in or edited by an editor; erasure is by deletion."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_has_any_permissions(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))


class SignatureAdmin(SafeExportModelAdmin):
    model = Signature
    index_view_class = SignatureIndexView
    menu_label = "Petition signatures"
    menu_icon = "doc-full"
    menu_order = 320
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ["name", "petition", "postcode", "show_name", "keep_updated", "confirmed_at", "created_at"]
    list_filter = [PetitionFilter, "show_name", "keep_updated", "confirmed_at"]
    search_fields = ["name", "email", "postcode"]
    # Only what each signer agreed to: the address only of those who asked for updates.
    list_export = [
        "petition",
        "name",
        "postcode",
        "show_name",
        "email_for_updates",
        "consent_text",
        "confirmed_at",
    ]
    export_filename = "confirmed-signatures"
    inspect_view_fields = [
        "petition",
        "name",
        "email",
        "postcode",
        "show_name",
        "keep_updated",
        "consent_text",
        "consent_version",
        "created_at",
        "confirmed_at",
    ]


modeladmin_register(SignatureAdmin)


@hooks.register("register_admin_urls")
def review_names_urls():
    # Not under petitions/signature/: moderators review the names and see nothing else of a signature.
    return [path("petitions/names/", names.review_names, name="petitions_review_names")]


class ReviewNamesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(names.REVIEW_NAMES)


@hooks.register("register_admin_menu_item")
def review_names_menu_item():
    return ReviewNamesMenuItem("Names on petitions", reverse("petitions_review_names"), icon_name="user", order=322)


@hooks.register("register_admin_urls")
def hand_in_urls():
    # Under petitions/signature/, so the personal-data guard covers them too (website/personal_data.py).
    return [
        path("petitions/signature/hand-in/", hand_in.index, name="petitions_hand_in_index"),
        path("petitions/signature/hand-in/<int:petition_id>/", hand_in.hand_in_list, name="petitions_hand_in"),
    ]


class HandInMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_SIGNATURE)


@hooks.register("register_admin_menu_item")
def hand_in_menu_item():
    return HandInMenuItem("Hand-in lists", reverse("petitions_hand_in_index"), icon_name="list-ul", order=321)
