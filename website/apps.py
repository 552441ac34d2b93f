from django.apps import AppConfig
from django.db.models.signals import post_save


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Site-wide"

    def ready(self):
        from website.cache import connect_signals
        from website.roles import SECTIONS, grant_on_new_section

        # Here rather than in the middleware, so commands (publish_scheduled) invalidate the page cache too.
        connect_signals()

        # A section's index page made after the migrations (demo loader, editor, shell) gets its groups' rights.
        for app_label, model_name in SECTIONS:
            post_save.connect(
                grant_on_new_section, sender=f"{app_label}.{model_name}", dispatch_uid=f"roles-{app_label}.{model_name}"
            )
