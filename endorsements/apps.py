from django.apps import AppConfig


class EndorsementsConfig(AppConfig):
    name = "endorsements"
    demo_loader = "endorsements.demo"
    demo_scaler = "endorsements.scale_demo"
    demo_order = 20

    def ready(self):
        import endorsements.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
        from endorsements.models import EndorsementRequest
        from website import personal_data

        personal_data.register(
            EndorsementRequest,
            "contact_email",
            "Endorsement requests: the contact's name and e-mail, and the organisation's statement and logo.",
        )
