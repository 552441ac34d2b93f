"""The demo's news comes from the seed: its items, quotes and hashtags, over enough dates to need a second page."""

import pytest

from news.demo import BUDGET_FAILINGS, BUDGET_MPS, BUDGET_TITLE, LIVERPOOL_TEXT, YOUNG_LABOUR_QUOTE, YOUNG_LABOUR_TITLE
from news.models import NEWS_PER_PAGE, NewsIndexPage, NewsKind, NewsPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_seeds_news_over_two_pages(client, demo_site):
    index = NewsIndexPage.objects.get()
    items = NewsPage.objects.live().child_of(index)
    assert items.count() > NEWS_PER_PAGE
    assert len(set(items.values_list("date", flat=True))) == items.count()
    assert set(items.values_list("kind", flat=True)) == set(NewsKind.values)
    assert "page 1 of 2." in client.get(index.url).content.decode()


def test_demo_budget_response_has_the_mps_and_the_failings(client, demo_site):
    response = NewsPage.objects.get(title=BUDGET_TITLE)
    assert response.kind == NewsKind.RESPONSE
    html = client.get(response.url).content.decode()
    for handle in BUDGET_MPS:
        assert f'<a href="https://x.com/{handle}">@{handle}</a>' in html
    for failing in BUDGET_FAILINGS:
        assert f"<li>❌ {failing}</li>" in html
    assert "Budget2021" in [tag.name for tag in response.tags.all()]


def test_demo_statements_carry_their_words(client, demo_site):
    young_labour = NewsPage.objects.get(title=YOUNG_LABOUR_TITLE)
    assert young_labour.kind == NewsKind.STATEMENT
    assert YOUNG_LABOUR_QUOTE in client.get(young_labour.url).content.decode()
    liverpool = NewsPage.objects.get(kind=NewsKind.STATEMENT, title__contains="Liverpool")
    assert "#LiverpoolMayor" in client.get(liverpool.url).content.decode()
    assert LIVERPOOL_TEXT.startswith("Once again we see brazen and provocative attacks")


def test_demo_home_page_shows_whats_new(client, demo_site):
    html = client.get("/").content.decode()
    assert '<h2 id="latest-news-heading">What&#x27;s new</h2>' in html
    assert BUDGET_TITLE in html
