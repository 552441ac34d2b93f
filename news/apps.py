from django.apps import AppConfig

from website.roles import EDITORIAL_PAGES, PRESS_OFFICERS


class NewsConfig(AppConfig):
    name = "news"
    demo_loader = "news.demo"
    demo_scaler = "news.scale_demo"
    demo_order = 50
    # Press releases and rapid responses go out at once, so press officers publish.
    group_sections = {"newsindexpage": {"groups": {PRESS_OFFICERS: EDITORIAL_PAGES}, "workflow": None}}

    def ready(self):
        import news.feeds  # noqa: F401 (its view answers the index page's feed routes: website/page_views.py)
