from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    demo_loader = "news.demo"
    demo_scaler = "news.scale_demo"
    demo_order = 50

    def ready(self):
        import news.feeds  # noqa: F401 (its view answers the index page's feed routes: website/page_views.py)
