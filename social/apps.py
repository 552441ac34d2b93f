from django.apps import AppConfig


class SocialConfig(AppConfig):
    """The network's own posts on Facebook, X and elsewhere: pasted in or imported, shown without tracking."""

    name = "social"
    public_urls = [("social/", "social.urls")]
    demo_loader = "social.demo"
    demo_scaler = "social.scale_demo"
    demo_order = 60
    verbose_name = "Social media"
