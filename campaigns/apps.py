from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    demo_loader = "campaigns.demo"
    demo_order = 40

    def ready(self):
        from campaigns import retention
        from campaigns.models import Registration
        from website import personal_data

        personal_data.register(
            Registration,
            "email",
            "Event registrations: name, e-mail, postcode, organisation and accessibility needs (may be health data).",
            purpose="to give the person a place at the event, and to meet their access needs there",
            fields=(
                "event",
                "name",
                "email",
                "postcode",
                "organisation",
                "accessibility_needs",
                "place",
                "waitlisted",
                "created_at",
            ),
            correctable=("name", "email", "postcode", "organisation", "accessibility_needs"),
            retention=retention.RULES,
        )
