from django.apps import AppConfig


class EndorsementsConfig(AppConfig):
    name = "endorsements"
    demo_loader = "endorsements.demo"
    demo_scaler = "endorsements.scale_demo"
    demo_order = 20

    def ready(self):
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
