"""The news listings, feeds and pages cost the same number of queries with 10 items as with 500."""

import itertools

import pytest
from taggit.models import Tag

from news.models import NewsKind, NewsPageTag
from tests.factories import ImageFactory, add_pages
from tests.news.factories import NewsPageFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

# A little above what each costs now (12 to 16 queries), so that a new query per item or per page shows.
BUDGETS = {
    "/": 14,
    "/news/": 17,
    "/news/?kind=statement": 17,
    "/news/?topic=budget2021": 18,
    "/news/?page=2": 17,
    "/news/feed/rss/": 12,
    "/news/kind/statement/feed/atom/": 12,
    "/news/topic/budget2021/feed/rss/": 13,
}


def test_news_costs_the_same_with_10_items_as_with_500(client, news_index, home_with_latest_news):
    pictures = itertools.cycle([ImageFactory(), ImageFactory(), ImageFactory()])
    kinds = itertools.cycle(NewsKind.values)
    created = []

    topics = [Tag.objects.create(name="Budget2021"), Tag.objects.create(name="OurNHS")]

    def add_items(count):
        new = add_pages(
            news_index, [NewsPageFactory.build(kind=next(kinds), listing_image=next(pictures)) for _ in range(count)]
        )
        NewsPageTag.objects.bulk_create(NewsPageTag(content_object=item, tag=tag) for item in new for tag in topics)
        created.extend(new)

    measured = {}
    for size in (10, 500):
        add_items(size - len(created))
        item_url = created[0].url
        measured[size] = {url: count_queries(client, url) for url in [*BUDGETS, item_url]}
        measured[size]["a news item"] = measured[size].pop(item_url)
    for url, budget in {**BUDGETS, "a news item": 14}.items():
        assert measured[10][url] == measured[500][url], f"{url} grows with the news: {measured}"
        assert measured[500][url] <= budget, f"{url} over its budget of {budget}: {measured[500][url]}"
