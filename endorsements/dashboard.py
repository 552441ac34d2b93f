"""The dashboard's list of endorsement requests waiting for review."""

from wagtail.admin.ui.components import Component

from endorsements.models import EndorsementRequest, RequestStatus


class PendingRequestsPanel(Component):
    """Endorsement requests waiting for review, oldest first, each a click from its approve-or-decline form."""

    name = "pending_endorsement_requests"
    template_name = "endorsements/admin/pending_requests_panel.html"
    order = 130
    shown = 10

    def get_context_data(self, parent_context=None):
        pending = EndorsementRequest.objects.filter(status=RequestStatus.PENDING)
        return {
            "requests": list(pending.order_by("submitted_at").only("pk", "name", "submitted_at")[: self.shown]),
            "total": pending.count(),
        }
