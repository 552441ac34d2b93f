from django.apps import AppConfig


class EndorsementsConfig(AppConfig):
    name = "endorsements"

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from endorsements.images import sanitise_svg_on_save

        pre_save.connect(sanitise_svg_on_save, sender=get_image_model(), dispatch_uid="endorsements-passive-svg")
