from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    """Petitions: pages with a goal and a live count, signatures confirmed by e-mail, share images."""

    name = "petitions"
    verbose_name = "Petitions"
    public_urls = [("petitions/", "petitions.urls")]
    # After the campaigns: the demo petition goes under the recall campaign (website/features.py).
    demo_loader = "petitions.demo"
    demo_order = 50

    def ready(self):
        from petitions.models import Signature
        from website import personal_data

        personal_data.register(
            Signature,
            "email",
            "Petition signatures: name, e-mail, postcode and which petition they signed (political opinions), consent.",
        )
