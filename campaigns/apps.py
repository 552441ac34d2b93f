from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    demo_loader = "campaigns.demo"
    demo_order = 40

    def ready(self):
        from campaigns.models import Registration
        from website import personal_data

        personal_data.register(
            Registration,
            "email",
            "Event registrations: name, e-mail, postcode, organisation and accessibility needs (may be health data).",
        )
