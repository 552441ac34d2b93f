from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils import timezone

from website.roles import ADMINISTRATORS, MODERATORS, SUPPORTER_DATA, model


class PetitionsConfig(AppConfig):
    """Petitions: pages with a goal and a live count, signatures confirmed by e-mail, share images."""

    name = "petitions"
    verbose_name = "Petitions"
    public_urls = [("petitions/", "petitions.urls")]
    # After the campaigns: the demo petition goes under the recall campaign (website/features.py).
    demo_loader = "petitions.demo"
    demo_order = 50
    # Signatures are supporters' details: only Supporter data managers (petitions/migrations/0002) see them.
    # Moderators (and administrators, who may make someone a moderator) review the names signers asked to show,
    # and see nothing else of a signature (petitions/names.py; migration 0004).
    group_permissions = {
        SUPPORTER_DATA: model("petitions", "signature", ["view"]),
        MODERATORS: [("petitions", "signature", "review_signature_name")],
        ADMINISTRATORS: [("petitions", "signature", "review_signature_name")],
    }

    def ready(self):
        import petitions.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
        from petitions import retention
        from petitions.models import PetitionPage, Signature
        from website import personal_data
        from website.campaign_approval import put_under_campaign_approval

        personal_data.register(
            Signature,
            "email",
            "Petition signatures: name, e-mail, postcode and which petition they signed (political opinions), consent.",
            purpose="to count the person's signature and hand it in, and to show their name if they asked",
            fields=(
                "petition",
                "name",
                "email",
                "postcode",
                "show_name",
                "name_review",
                "keep_updated",
                "consent_text",
                "created_at",
                "confirmed_at",
            ),
            correctable=("name", "email", "postcode"),
            anonymise={"name": "", "email": None, "postcode": "", "consent_text": "", "anonymised_at": timezone.now},
            retention=retention.RULES,
        )
        post_save.connect(put_under_campaign_approval, sender=PetitionPage, dispatch_uid="petitions-workflow")
