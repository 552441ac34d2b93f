from django.apps import AppConfig
from django.db.models.signals import post_save

from website.roles import ADMINISTRATORS, MODERATORS, SUPPORTER_DATA, model


class LettersConfig(AppConfig):
    """Open letters: organisations co-signing, people signing (confirmed by e-mail, approved by a moderator)."""

    name = "letters"
    verbose_name = "Open letters"
    public_urls = [("letters/", "letters.urls")]
    demo_loader = "letters.demo"
    # After the campaigns it goes under and the organisations that co-sign it.
    demo_order = 50
    # Moderators review signatories; supporter data managers export them; administrators hold what moderators hold,
    # so they may still make someone a moderator (website/account_rights.py). Given by letters/migrations/0002.
    # Only supporter data managers see the addresses and consents (contact_signatory, letters/migrations/0004).
    group_permissions = {
        MODERATORS: model("letters", "signatory", ["view", "change"]),
        SUPPORTER_DATA: [*model("letters", "signatory", ["view"]), ("letters", "signatory", "contact_signatory")],
        ADMINISTRATORS: model("letters", "signatory", ["view", "change"]),
    }

    def ready(self):
        import letters.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
        from letters import retention
        from letters.models import OpenLetterPage, Signatory
        from website import personal_data
        from website.campaign_approval import put_under_campaign_approval

        personal_data.register(
            Signatory,
            "email",
            "Open letter signatories: name, role, organisation, e-mail and the letter they signed (political "
            "opinions), and their consent to updates.",
            purpose="to show the person's name on the open letter they signed, once a moderator approves it",
            fields=(
                "letter",
                "status",
                "name",
                "role",
                "organisation",
                "email",
                "keep_updated",
                "consent_text",
                "created_at",
                "confirmed_at",
                "reviewed_at",
            ),
            correctable=("name", "role", "organisation", "email"),
            retention=retention.RULES,
        )
        post_save.connect(put_under_campaign_approval, sender=OpenLetterPage, dispatch_uid="letters-workflow")
