"""The bare address of a feed (/news/feed/), which people type or guess, gives the RSS feed."""

import feedparser
import pytest

from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_item(news_index):
    item = NewsPageFactory(parent=news_index, title="Recall conference", kind="press-release")
    item.tags.add("Recall")
    item.save_revision().publish()
    return item


@pytest.mark.parametrize(
    "url, feed_url",
    [
        ("/news/feed/", "/news/feed/rss/"),
        ("/news/kind/press-release/feed/", "/news/kind/press-release/feed/rss/"),
        ("/news/topic/recall/feed/", "/news/topic/recall/feed/rss/"),
    ],
)
def test_the_bare_feed_address_leads_to_the_rss_feed(client, tagged_item, url, feed_url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(feed_url, 301)]
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "rss20"
    assert [entry.title for entry in feed.entries] == ["Recall conference"]


@pytest.mark.parametrize("url", ["/news/kind/gossip/feed/", "/news/topic/no-such-topic/feed/"])
def test_a_bare_address_of_a_feed_that_does_not_exist_is_not_found(client, tagged_item, url):
    assert client.get(url).status_code == 404
