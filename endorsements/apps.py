from django.apps import AppConfig

from website.roles import ADMINISTRATORS, ENDORSEMENTS_EDITORS, MODERATORS, model


class EndorsementsConfig(AppConfig):
    name = "endorsements"
    demo_loader = "endorsements.demo"
    demo_scaler = "endorsements.scale_demo"
    demo_order = 20
    # Approving or declining a request is "change"; the form that wrote the request is the public's, not theirs.
    group_permissions = {
        ENDORSEMENTS_EDITORS: [
            *model("endorsements", "organisation"),
            *model("endorsements", "endorsementrequest", ["view", "change"]),
        ],
        MODERATORS: model("endorsements", "organisation"),
        ADMINISTRATORS: [
            *model("endorsements", "organisation"),
            *model("endorsements", "endorsementrequest", ["view", "change"]),
        ],
    }

    def ready(self):
        import endorsements.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
        from endorsements import retention
        from endorsements.models import EndorsementRequest
        from website import personal_data

        personal_data.register(
            EndorsementRequest,
            "contact_email",
            "Endorsement requests: the contact's name and e-mail, and the organisation's statement and logo.",
            purpose="to review the organisation's request and tell its contact the decision",
            fields=(
                "name",
                "contact_name",
                "contact_email",
                "website",
                "statement",
                "logo",
                "campaign",
                "status",
                "submitted_at",
                "reviewed_at",
            ),
            correctable=("contact_name", "contact_email"),
            # The request is the organisation's: erasure takes the contact's name and address out of it.
            anonymise={"contact_name": "", "contact_email": ""},
            retention=retention.RULES,
        )
