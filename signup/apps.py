from django.apps import AppConfig


class SignupConfig(AppConfig):
    """'Signup and get organised': supporters, their consent, double opt-in, unsubscribe and retention."""

    name = "signup"
    public_urls = [("signup/", "signup.urls")]
    verbose_name = "Sign-up"

    def ready(self):
        from signup import retention
        from signup.models import Supporter
        from website import personal_data

        personal_data.register(
            Supporter,
            "email",
            "Sign-ups: name, e-mail, postcode, membership, interests (political opinions), consent.",
            purpose="to write to the person about campaigns, events and actions, as they asked",
            fields=(
                "name",
                "email",
                "postcode",
                "membership",
                "interests",
                "status",
                "email_updates",
                "data_consent",
                "consent_text",
                "consented_at",
                "pending_changes",
                "created_at",
                "confirmed_at",
                "unsubscribed_at",
            ),
            correctable=("name", "email", "postcode", "membership"),
            retention=retention.RULES,
        )
