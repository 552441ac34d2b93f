from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"

    def ready(self):
        from campaigns.models import Registration
        from website import personal_data

        personal_data.register(
            Registration,
            "email",
            "Event registrations: name, e-mail, postcode, organisation and accessibility needs (may be health data).",
        )

        # Sign-ups (they move with the sign-up app to signup/apps.py).
        from campaigns.signup.models import Supporter

        personal_data.register(
            Supporter, "email", "Sign-ups: name, e-mail, postcode, membership, interests (political opinions), consent."
        )
