from django.apps import AppConfig

from website.roles import ADMINISTRATORS, MODERATORS, PRESS_OFFICERS, model


class SocialConfig(AppConfig):
    """The network's own posts on Facebook, X and elsewhere: pasted in or imported, shown without tracking."""

    name = "social"
    public_urls = [("social/", "social.urls")]
    demo_loader = "social.demo"
    demo_scaler = "social.scale_demo"
    demo_order = 60
    verbose_name = "Social media"
    # Press officers post for the network; moderators and administrators look after every snippet.
    group_permissions = {
        PRESS_OFFICERS: model("social", "socialpost"),
        MODERATORS: model("social", "socialpost"),
        ADMINISTRATORS: model("social", "socialpost"),
    }
