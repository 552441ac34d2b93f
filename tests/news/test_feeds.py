"""RSS 2.0 and Atom feeds: valid, escaped, per kind and topic, and every link leads to the item."""

import datetime
from urllib.parse import urlsplit

import feedparser
import pytest
from defusedxml import ElementTree
from django.utils.html import escape

from news.models import NewsKind
from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
AWKWARD_TITLE = 'Budget <2021> & "cuts" ❌'
AWKWARD_SUMMARY = "Nothing for <b>us</b> & ours]]> <script>alert(1)</script>"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.fixture
def news(news_index):
    items = {
        "response": NewsPageFactory(
            parent=news_index,
            title=AWKWARD_TITLE,
            listing_summary=AWKWARD_SUMMARY,
            kind=NewsKind.RESPONSE,
            date=datetime.date(2021, 3, 3),
        ),
        "statement": NewsPageFactory(
            parent=news_index,
            title="Solidarity with Liverpool",
            kind=NewsKind.STATEMENT,
            date=datetime.date(2021, 2, 20),
        ),
        "release": NewsPageFactory(
            parent=news_index, title="Recall conference", kind=NewsKind.PRESS_RELEASE, date=datetime.date(2021, 2, 1)
        ),
    }
    items["response"].tags.add("Budget2021", "OurNHS")
    items["response"].save_revision().publish()
    items["statement"].tags.add("LiverpoolMayor")
    items["statement"].save_revision().publish()
    return items


def test_rss_feed_is_rss_2_and_its_links_resolve(client, news_index, news):
    response = fetch(client, "/news/feed/rss/")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == "What's new | Broad Left Network"
    assert [entry.title for entry in feed.entries] == [AWKWARD_TITLE, "Solidarity with Liverpool", "Recall conference"]
    first = feed.entries[0]
    assert first.published_parsed[:3] == (2021, 3, 3)
    assert {tag.term for tag in first.tags} == {"Budget2021", "OurNHS"}
    for entry in feed.entries:
        address = urlsplit(entry.link)
        assert address.netloc == "testserver"
        assert fetch(client, address.path).context["page"].title == entry.title


def test_atom_feed_is_atom_1_and_its_links_resolve(client, news_index, news):
    feed = feedparser.parse(fetch(client, "/news/feed/atom/").content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == [AWKWARD_TITLE, "Solidarity with Liverpool", "Recall conference"]
    assert feed.entries[0].summary == escape(AWKWARD_SUMMARY)
    assert feed.feed.links[-1].href == "http://testserver/news/feed/atom/"
    for entry in feed.entries:
        assert entry.id == entry.link
        assert fetch(client, urlsplit(entry.link).path).context["page"].title == entry.title


@pytest.mark.parametrize("url", ["/news/feed/rss/", "/news/feed/atom/"])
def test_feeds_escape_what_editors_write(client, news_index, news, url):
    root = ElementTree.fromstring(fetch(client, url).content)
    if root.tag == "rss":
        item = root.find("channel/item")
        title, summary = item.findtext("title"), item.findtext("description")
    else:
        entry = root.find(f"{ATOM}entry")
        title, summary = entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}summary")
    assert title == AWKWARD_TITLE
    # Readers take descriptions as HTML: the editor's plain text arrives escaped, so it shows as typed.
    assert summary == escape(AWKWARD_SUMMARY)


@pytest.mark.parametrize(
    "url, titles",
    [
        ("/news/kind/statement/feed/rss/", ["Solidarity with Liverpool"]),
        ("/news/kind/press-release/feed/atom/", ["Recall conference"]),
        ("/news/topic/budget2021/feed/rss/", [AWKWARD_TITLE]),
        ("/news/topic/liverpoolmayor/feed/atom/", ["Solidarity with Liverpool"]),
    ],
)
def test_feeds_per_kind_and_topic(client, news_index, news, url, titles):
    feed = feedparser.parse(fetch(client, url).content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == titles


def test_feed_titles_say_what_they_follow(client, news_index, news):
    assert feedparser.parse(fetch(client, "/news/kind/statement/feed/rss/").content).feed.title == (
        "Statements | Broad Left Network"
    )
    topic_feed = feedparser.parse(fetch(client, "/news/topic/budget2021/feed/atom/").content)
    assert topic_feed.feed.title == "Budget2021 | What's new | Broad Left Network"
    assert topic_feed.feed.link == "http://testserver/news/?topic=budget2021"


@pytest.mark.parametrize(
    "url", ["/news/feed/json/", "/news/kind/gossip/feed/rss/", "/news/topic/no-such-topic/feed/atom/"]
)
def test_feeds_that_do_not_exist_are_not_found(client, news_index, news, url):
    assert client.get(url).status_code == 404


def test_feeds_leave_out_drafts_and_private_items(client, news_index, news):
    news["release"].unpublish()
    news["statement"].view_restrictions.create(restriction_type="login")
    feed = feedparser.parse(fetch(client, "/news/feed/rss/").content)
    assert [entry.title for entry in feed.entries] == [AWKWARD_TITLE]


def test_feeds_carry_the_newest_twenty(client, news_index):
    for day in range(25):
        NewsPageFactory(parent=news_index, title=f"Day {day}", date=datetime.date(2021, 1, 1) + datetime.timedelta(day))
    feed = feedparser.parse(fetch(client, "/news/feed/atom/").content)
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Day 24"
