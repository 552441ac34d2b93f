"""A visitor reads the news: the index with its filters and pages, a news item, its sharing and metadata."""

import datetime
import re
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from news.models import NEWS_PER_PAGE, NewsIndexPage, NewsKind, NewsPage
from tests.factories import ImageFactory
from tests.news.factories import NewsPageFactory
from tests.utils import assert_no_inline_code
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


def titles_on(response):
    return re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_lists_news_newest_first_by_the_editors_date(client, news_index):
    NewsPageFactory(parent=news_index, title="Older", date=datetime.date(2021, 2, 1))
    NewsPageFactory(parent=news_index, title="Newest", date=datetime.date(2021, 3, 3))
    NewsPageFactory(parent=news_index, title="Middle", date=datetime.date(2021, 2, 20))
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert titles_on(response) == ["Newest", "Middle", "Older"]
    html = response.content.decode()
    assert '<time datetime="2021-03-03">3 March 2021</time>' in html
    assert_no_inline_code(html)


def test_index_leaves_out_drafts_and_private_items(client, news_index):
    NewsPageFactory(parent=news_index, title="Published")
    draft = NewsPageFactory(parent=news_index, title="A draft")
    draft.unpublish()
    private = NewsPageFactory(parent=news_index, title="Members only")
    private.view_restrictions.create(restriction_type="login")
    assert titles_on(client.get(news_index.url)) == ["Published"]


def test_visitor_filters_by_kind_with_plain_links(client, news_index):
    NewsPageFactory(parent=news_index, title="A statement", kind=NewsKind.STATEMENT)
    NewsPageFactory(parent=news_index, title="A press release", kind=NewsKind.PRESS_RELEASE)
    html = client.get(news_index.url).content.decode()
    assert '<a href="?kind=statement">Statements</a>' in html
    response = client.get(news_index.url, {"kind": "statement"})
    assert titles_on(response) == ["A statement"]
    assert '<a href="?kind=statement" aria-current="true">Statements</a>' in response.content.decode()


def test_visitor_filters_by_topic_and_the_kind_is_kept(client, news_index):
    budget = NewsPageFactory(parent=news_index, title="On the Budget", kind=NewsKind.RESPONSE)
    budget.tags.add("Budget2021")
    budget.save_revision().publish()
    other = NewsPageFactory(parent=news_index, title="On the rally", kind=NewsKind.RESPONSE)
    other.tags.add("Rally")
    other.save_revision().publish()
    html = client.get(news_index.url, {"kind": "response"}).content.decode()
    assert '<a href="?kind=response&amp;topic=budget2021">Budget2021</a>' in html
    response = client.get(news_index.url, {"kind": "response", "topic": "budget2021"})
    assert titles_on(response) == ["On the Budget"]


def test_topic_list_names_only_topics_of_published_items(client, news_index):
    draft = NewsPageFactory(parent=news_index, title="Draft")
    draft.tags.add("SecretPlans")
    draft.save_revision()
    draft.unpublish()
    published = NewsPageFactory(parent=news_index)
    published.tags.add("Rally")
    published.save_revision().publish()
    html = client.get(news_index.url).content.decode()
    assert "?topic=rally" in html
    assert "SecretPlans" not in html


@pytest.mark.parametrize(
    "query", [{"kind": "nonsense"}, {"topic": "no-such-topic"}, {"topic": "x" * 5000}, {"kind": "<script>"}]
)
def test_odd_filters_answer_calmly(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Something")
    response = client.get(news_index.url, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_unknown_topic_says_so(client, news_index):
    NewsPageFactory(parent=news_index, title="Something")
    response = client.get(news_index.url, {"topic": "no-such-topic"})
    assert titles_on(response) == []
    assert "There is no such topic." in response.content.decode()


@pytest.mark.parametrize("page_number, expected_page", [("abc", 1), ("99999", 2), ("-1", 2), ("2", 2), ("", 1)])
def test_pagination_is_robust(client, news_index, page_number, expected_page):
    for _ in range(NEWS_PER_PAGE + 1):
        NewsPageFactory(parent=news_index)
    response = client.get(news_index.url, {"page": page_number})
    assert response.status_code == 200
    assert f"page {expected_page} of 2." in response.content.decode()
    assert len(titles_on(response)) == (NEWS_PER_PAGE if expected_page == 1 else 1)


def test_pages_of_a_filter_keep_the_filter(client, news_index):
    for _ in range(NEWS_PER_PAGE + 1):
        NewsPageFactory(parent=news_index, kind=NewsKind.STATEMENT)
    NewsPageFactory(parent=news_index, kind=NewsKind.NEWS, title="Not a statement")
    html = client.get(news_index.url, {"kind": "statement"}).content.decode()
    assert 'href="?kind=statement&amp;page=2"' in html
    response = client.get(news_index.url, {"kind": "statement", "page": 2})
    assert "Not a statement" not in titles_on(response)
    assert len(titles_on(response)) == 1


def test_long_archives_keep_page_numbers_short(client, news_index):
    for _ in range(NEWS_PER_PAGE * 20):
        NewsPageFactory(parent=news_index)
    html = client.get(news_index.url, {"page": 10}).content.decode()
    numbers = re.findall(r'<span class="visually-hidden">Page </span>(\d+)', html)
    assert numbers == ["1", "8", "9", "10", "11", "12", "20"]
    assert html.count("…") == 2


def test_news_item_shows_kind_date_summary_body_and_topics(client, news_index):
    item = NewsPageFactory(
        parent=news_index,
        title="Left responds to #Budget2021",
        kind=NewsKind.RESPONSE,
        date=datetime.date(2021, 3, 3),
        listing_summary="Nothing substantial for tackling poverty.",
        body=[
            ("text", "<p>There was nothing substantial for:</p><ul><li>❌ Tackling poverty</li></ul>"),
            (
                "quote",
                {"quote": "A budget for the few.", "name": "A. Member", "role": "MP for Somewhere", "handle": "@amp"},
            ),
        ],
    )
    item.tags.add("Budget2021")
    item.save_revision().publish()
    response = client.get(item.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Left responds to #Budget2021</h1>" in html
    assert '<span class="news-kind">Response</span>' in html
    assert "3 March 2021</time>" in html
    assert "Nothing substantial for tackling poverty." in html
    assert "❌ Tackling poverty" in html
    assert '<span class="quote__role">MP for Somewhere</span>' in html
    assert '<span class="quote__handle">@amp</span>' in html
    assert f'href="{news_index.url}?topic=budget2021">Budget2021</a>' in html
    assert_no_inline_code(html)


def test_news_item_picture_is_responsive(client, news_index):
    picture = ImageFactory(title="Rally crowd", file__width=1600, file__height=900)
    item = NewsPageFactory(parent=news_index, listing_image=picture)
    html = client.get(item.url).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture
    assert 'type="image/webp"' in picture
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w"', picture)
    assert 'alt="Rally crowd"' in picture


def test_press_release_shows_its_press_contact_and_other_kinds_do_not(client, news_index):
    contact = {"press_contact_name": "Sam Press", "press_contact_email": "press@example.org"}
    release = NewsPageFactory(parent=news_index, kind=NewsKind.PRESS_RELEASE, **contact)
    statement = NewsPageFactory(parent=news_index, kind=NewsKind.STATEMENT, **contact)
    release_html = client.get(release.url).content.decode()
    assert "Press contact" in release_html
    assert '<a href="mailto:press@example.org">press@example.org</a>' in release_html
    assert "Sam Press" not in client.get(statement.url).content.decode()


def test_a_press_release_needs_a_press_contact(news_index):
    release = NewsPage(title="Release", slug="release", kind=NewsKind.PRESS_RELEASE)
    with pytest.raises(ValidationError, match="A press release needs a press contact"):
        news_index.add_child(instance=release)
    release.press_contact_phone = "020 7946 0000"
    news_index.add_child(instance=release)


def test_news_item_shares_as_an_article(client, news_index, site):
    settings = SiteSettings.for_site(site)
    settings.default_share_image = ImageFactory(title="Network banner")
    settings.save()
    item = NewsPageFactory(parent=news_index, title="Solidarity with Liverpool", date=datetime.date(2021, 2, 20))
    item.tags.add("LiverpoolMayor")
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Solidarity with Liverpool">' in html
    assert f'<link rel="canonical" href="http://testserver{item.url}">' in html
    assert '<meta property="article:published_time" content="2021-02-20T09:00:00+00:00">' in html
    assert '<meta property="article:tag" content="LiverpoolMayor">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_summer_dates_are_shown_in_uk_time(client, news_index):
    item = NewsPageFactory(parent=news_index, date=datetime.date(2021, 7, 1))
    html = client.get(item.url).content.decode()
    assert '<time datetime="2021-07-01T09:00:00+01:00">1 July 2021</time>' in html


def test_share_links_are_plain_links_that_load_nothing_from_the_networks(client, news_index):
    item = NewsPageFactory(parent=news_index, title="Enough is enough & more", listing_summary="Let members decide.")
    html = client.get(item.url).content.decode()
    share = re.search(r'<section class="share".*?</section>', html, re.S).group(0)
    page_url = f"http%3A%2F%2Ftestserver{item.url.replace('/', '%2F')}"
    assert f'href="https://x.com/intent/post?text=Enough%20is%20enough%20%26%20more&amp;url={page_url}"' in share
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={page_url}"' in share
    assert f'href="https://wa.me/?text=Enough%20is%20enough%20%26%20more%20{page_url}"' in share
    assert f'href="https://bsky.app/intent/compose?text=Enough%20is%20enough%20%26%20more%20{page_url}"' in share
    assert 'href="mailto:?subject=Enough%20is%20enough%20%26%20more&amp;body=Let%20members%20decide.%0A%0A' in share
    assert f'data-copy-link="http://testserver{item.url}" hidden>Copy link</button>' in share
    # Nothing on the page itself comes from another site: no scripts, images, styles or frames.
    for tag in re.findall(r"<(?:script|img|link|iframe|source)\b[^>]*>", html):
        for address in re.findall(r'(?:src|srcset|href)="([^"]+)"', tag):
            assert not address.startswith(("http://", "https://", "//")) or address.startswith("http://testserver")


def test_index_page_has_feed_links_for_its_filters(client, news_index):
    NewsPageFactory(parent=news_index).tags.add("Rally")
    html = client.get(news_index.url, {"kind": "statement"}).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml" title="All news (RSS)" href="/news/feed/rss/">' in head
    assert 'type="application/atom+xml" title="Statements (Atom)" href="/news/kind/statement/feed/atom/"' in head


def test_every_page_links_the_news_feeds(client, news_index, home_page):
    html = client.get(home_page.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="All news (RSS)" href="/news/feed/rss/">' in html


def test_pages_without_a_news_index_link_no_feed(client, home_page):
    assert 'rel="alternate"' not in client.get(home_page.url).content.decode()


def test_home_page_shows_whats_new(client, news_index, home_with_latest_news):
    for number in range(5):
        NewsPageFactory(parent=news_index, title=f"Item {number}", date=datetime.date(2021, 3, 1 + number))
    html = client.get("/").content.decode()
    assert '<h2 id="latest-news-heading">What&#x27;s new</h2>' in html
    assert re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html) == ["Item 4", "Item 3", "Item 2"]
    assert f'href="{news_index.url}">All news' in html


def test_home_page_without_news_shows_no_empty_section(client, news_index, home_with_latest_news):
    assert "latest-news" not in client.get("/").content.decode()


def test_post_on_another_site_is_a_link_not_an_embed(client, news_index):
    embed = {
        "title": "Comment on the Budget",
        "author_name": "A. Member",
        "provider_name": "X",
        "type": "rich",
        "width": 550,
        "height": None,
        "html": "<blockquote>…</blockquote><script src='https://platform.x.com/widgets.js'></script>",
    }
    with mock.patch("wagtail.embeds.embeds.get_finder_for_embed", return_value=embed) as finder:
        item = NewsPageFactory(parent=news_index, body=[("embed", "https://x.com/amember/status/1")])
        html = client.get(item.url).content.decode()
    finder.assert_called_once()
    assert '<a class="post-link__anchor" href="https://x.com/amember/status/1" rel="nofollow noopener">' in html
    assert "Comment on the Budget" in html
    assert "View on X" in html
    assert "platform.x.com" not in html


def test_page_tree_rules():
    assert NewsIndexPage.max_count == 1
    # HomePage must also list news.NewsIndexPage among its subpage_types for editors to add one there.
    assert NewsIndexPage.parent_page_types == ["home.HomePage"]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsPage.allowed_subpage_models() == []
    assert Page not in NewsPage.allowed_parent_page_models()
