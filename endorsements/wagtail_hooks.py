from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import modeladmin_register

from endorsements.admin_views import review_request
from endorsements.dashboard import PendingRequestsPanel
from endorsements.models import EndorsementRequest, Organisation
from website.admin_exports import SafeExportModelAdmin


class OrganisationViewSet(SnippetViewSet):
    """Editors order the wall (drag, or the keyboard's move buttons: Orderable's sort order), search and filter it."""

    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["name", "kind", "region", "listed", "show_logo", "date_endorsed"]
    list_filter = ["kind", "region", "listed", "show_logo"]
    # No `search_fields` here: the model's search index answers (a viewset's own fields crash on SQLite).


register_snippet(OrganisationViewSet)


class RequestPermissionHelper(PermissionHelper):
    """Requests come from the public form: editors review them, they never write them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class RequestButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.is_pending and self.request.user.has_perm("endorsements.change_endorsementrequest"):
            buttons.insert(
                0,
                {
                    "url": reverse("endorsements_review_request", args=[obj.pk]),
                    "label": "Approve or decline",
                    "classname": self.finalise_classname(classnames_add or []),
                    "title": f"Approve or decline the request from {obj.name}",
                },
            )
        return buttons


@modeladmin_register
class EndorsementRequestAdmin(SafeExportModelAdmin):
    model = EndorsementRequest
    menu_label = "Endorsement requests"
    menu_icon = "mail"
    menu_order = 210
    add_to_settings_menu = False
    permission_helper_class = RequestPermissionHelper
    button_helper_class = RequestButtonHelper
    inspect_view_enabled = True
    list_display = ["name", "kind", "region", "campaign", "contact_email", "status", "submitted_at"]
    list_filter = ["status", "kind", "region", "consent_logo"]
    search_fields = ["name", "contact_name", "contact_email"]
    list_export = [
        "name",
        "kind",
        "region",
        "website",
        "contact_name",
        "contact_email",
        "statement",
        "campaign",
        "consent_logo",
        "consent_contact",
        "status",
        "submitted_at",
        "reviewed_at",
        "contact_told_at",
    ]
    export_filename = "endorsement-requests"

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path(
                "endorsements/endorsementrequest/review/<int:pk>/", review_request, name="endorsements_review_request"
            ),
        )


@hooks.register("construct_homepage_panels")
def add_pending_requests_panel(request, panels):
    """Requests waiting for review, for those who review them."""
    if request.user.has_perm("endorsements.change_endorsementrequest"):
        panels.append(PendingRequestsPanel())
