from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    demo_loader = "campaigns.demo"
    demo_order = 40

    def ready(self):
        import campaigns.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
        from campaigns.models import Registration
        from website import personal_data

        personal_data.register(
            Registration,
            "email",
            "Event registrations: name, e-mail, postcode, organisation and accessibility needs (may be health data).",
        )
