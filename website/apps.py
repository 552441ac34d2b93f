from django.apps import AppConfig
from django.db.models.signals import post_save
from wagtail.users.apps import WagtailUsersAppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    # Django's choice among the configs in this module (UsersConfig below is named in INSTALLED_APPS).
    default = True
    verbose_name = "Site-wide"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from website.images import sanitise_svg_on_save, set_avif_encoder_speed
        from website.purge import connect_signals
        from website.roles import grant_on_new_section, sections
        from website.storage import private_storage_is_not_public  # noqa: F401 - registers the system check

        # However an image reaches the library, an SVG in it is made passive before it is stored.
        pre_save.connect(sanitise_svg_on_save, sender=get_image_model(), dispatch_uid="website-passive-svg")

        set_avif_encoder_speed(settings.AVIF_ENCODER_SPEED)

        # Here rather than in the middleware, so commands (publish_scheduled) invalidate the page cache too.
        connect_signals()

        # A section's index page made after the migrations (demo loader, editor, shell) gets its groups' rights.
        for app_label, model_name in sections():
            post_save.connect(
                grant_on_new_section, sender=f"{app_label}.{model_name}", dispatch_uid=f"roles-{app_label}.{model_name}"
            )


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with our rules on who may give which rights (website/user_admin.py)."""

    default = False
    user_viewset = "website.user_admin.UserViewSet"
