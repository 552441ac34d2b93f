from django.apps import AppConfig


class EndorsementsConfig(AppConfig):
    name = "endorsements"
    demo_loader = "endorsements.demo"
    demo_scaler = "endorsements.scale_demo"
    demo_order = 20
