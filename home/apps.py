from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    demo_loader = "home.demo"
    demo_order = 10
