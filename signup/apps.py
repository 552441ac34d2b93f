from django.apps import AppConfig

from website.roles import SUPPORTER_DATA, model


class SignupConfig(AppConfig):
    """'Signup and get organised': supporters, their consent, double opt-in, unsubscribe and retention."""

    name = "signup"
    public_urls = [("signup/", "signup.urls")]
    verbose_name = "Sign-up"
    # Sign-ups are the only route to supporters' details: nobody else but superusers has a permission on them.
    group_permissions = {SUPPORTER_DATA: model("signup", "supporter", ["view"])}

    def ready(self):
        import signup.views  # noqa: F401 (its views answer the pages' routes: website/page_views.py)
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
