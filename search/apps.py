from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    public_urls = [("search/", "search.urls")]
