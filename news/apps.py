from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    demo_loader = "news.demo"
    demo_scaler = "news.scale_demo"
    demo_order = 50
