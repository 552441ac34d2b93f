from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    demo_loader = "campaigns.demo"
    demo_order = 40
