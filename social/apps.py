from django.apps import AppConfig


class SocialConfig(AppConfig):
    """The network's own posts on Facebook, X and elsewhere: pasted in or imported, shown without tracking."""

    name = "social"
    verbose_name = "Social media"
