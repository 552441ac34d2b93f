import pytest

from tests.news.factories import NewsIndexPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def home_with_latest_news(home_page):
    """The home page with its 'What's new' section, as the demo loader places it."""
    home_page.body = [("latest_news", {"heading": "What's new", "count": 3})]
    home_page.save_revision().publish()
    return home_page
