from django.apps import AppConfig


class SignupConfig(AppConfig):
    """'Signup and get organised': supporters, their consent, double opt-in, unsubscribe and retention."""

    name = "signup"
    public_urls = [("signup/", "signup.urls")]
    verbose_name = "Sign-up"
