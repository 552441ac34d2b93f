"""The dashboard's list of letter signatories waiting for a moderator."""

from wagtail.admin.ui.components import Component

from letters.choices import SignatoryStatus
from letters.models import Signatory


class SignatoriesToReviewPanel(Component):
    """Confirmed signatories waiting for review, oldest first, each a click from its approve-or-reject form."""

    name = "signatories_to_review"
    template_name = "letters/admin/signatories_panel.html"
    order = 140
    shown = 10

    def get_context_data(self, parent_context=None):
        waiting = Signatory.objects.filter(status=SignatoryStatus.PENDING)
        return {
            "signatories": list(
                waiting.select_related("letter")
                .only("pk", "name", "letter__title")
                .order_by("confirmed_at")[: self.shown]
            ),
            "total": waiting.count(),
        }
