"""The social feed as visitors get it: the home page's newest posts, "See more" without JavaScript, and the plain
"Load more" pages (and their fragments, which social.js adds in place)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from social.models import SocialPost
from tests.factories import ImageFactory
from tests.utils import assert_flat_query_budget, assert_no_inline_code

LONG_TEXT = (
    "Don't Leave, Organise supports the calls to #ReclaimDemocracyRecallConference. " * 6
    + "The Recall of Conference campaign is also backed by Momentum and Labour4Clause4."
)
START = timezone.make_aware(datetime.datetime(2026, 3, 1, 12, 0))


def add_posts(count, **fields):
    """`count` posts, an hour apart: the later a post is made, the newer it is."""
    first = SocialPost.objects.count()
    return [
        SocialPost.objects.create(
            **{
                "platform": "facebook",
                "text": f"Post number {first + n}",
                "url": f"https://www.facebook.com/broadleftnetwork/posts/{first + n}",
                "posted_at": START + datetime.timedelta(hours=first + n),
                **fields,
            }
        )
        for n in range(count)
    ]


@pytest.fixture
def home_with_feed(home_page):
    home_page.body = [("social_feed", {"heading": "On social media", "count": 3})]
    home_page.save_revision().publish()
    return home_page


def post_texts(html):
    page = BeautifulSoup(html, "html.parser")
    return [item.select_one(".social-post__text").get_text(" ", strip=True) for item in page.select(".social-post")]


@pytest.mark.django_db
def test_home_feed_shows_the_newest_shown_posts_with_links_to_them(client, home_with_feed):
    add_posts(5)
    SocialPost.objects.filter(text="Post number 4").update(shown=False)
    x_post = add_posts(1, platform="x", url="https://x.com/broadleftnet/status/1")[0]
    html = client.get("/").content.decode()
    assert post_texts(html) == [x_post.text, "Post number 3", "Post number 2"]
    page = BeautifulSoup(html, "html.parser")
    links = page.select(".social-post__link a")
    assert [link["href"] for link in links] == [
        "https://x.com/broadleftnet/status/1",
        "https://www.facebook.com/broadleftnetwork/posts/3",
        "https://www.facebook.com/broadleftnetwork/posts/2",
    ]
    assert [link.contents[0] for link in links] == ["View on X", "View on Facebook", "View on Facebook"]
    assert all(link["rel"] == ["noopener"] for link in links)
    more = page.select_one("a[data-social-more]")
    assert more["href"] == "/social/?per=3&page=2"
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_home_feed_has_no_load_more_when_every_post_is_shown_and_hides_when_there_are_none(client, home_with_feed):
    assert "social-feed" not in client.get("/").content.decode()
    add_posts(3)
    html = client.get("/").content.decode()
    assert len(post_texts(html)) == 3
    assert "data-social-more" not in html


@pytest.mark.django_db
def test_dates_read_in_uk_time(client, home_with_feed):
    add_posts(1, posted_at=timezone.make_aware(datetime.datetime(2026, 7, 1, 17, 30), datetime.UTC))
    time = BeautifulSoup(client.get("/").content, "html.parser").select_one(".social-post time")
    assert time.get_text() == "1 July 2026, 6:30 p.m."
    assert time["datetime"] == "2026-07-01T18:30:00+01:00"


@pytest.mark.django_db
def test_a_long_post_keeps_its_whole_text_behind_see_more_without_javascript(client, home_with_feed):
    add_posts(1, text=LONG_TEXT)
    add_posts(1, text="A short one")
    page = BeautifulSoup(client.get("/").content, "html.parser")
    short, long = page.select(".social-post")
    assert short.select_one("details") is None
    details = long.select_one(".social-post__text details")
    assert details.summary.get_text(" ", strip=True) == "See more See less"
    # Everything before the ellipsis, its hashtags links now.
    opening = long.select_one(".social-post__text").get_text().split("…")[0].strip()
    assert long.select_one(".social-post__text > a").get_text() == "#ReclaimDemocracyRecallConference"
    assert 150 < len(opening) <= 300
    rest = details.select_one(".social-post__rest").get_text()
    assert opening + rest == LONG_TEXT
    assert "Labour4Clause4" in rest and "Labour4Clause4" not in opening


@pytest.mark.django_db
def test_load_more_pages_list_the_older_posts_then_stop(client):
    add_posts(7)
    first = client.get("/social/", {"per": 3, "page": 2})
    assert first.status_code == 200
    assert post_texts(first.content.decode()) == ["Post number 3", "Post number 2", "Post number 1"]
    page = BeautifulSoup(first.content, "html.parser")
    assert page.select_one("a[data-social-more]")["href"] == "/social/?per=3&page=3"
    assert page.select_one("a[rel=prev]")["href"] == "/social/?per=3&page=1"
    last = client.get("/social/", {"per": 3, "page": 3}).content.decode()
    assert post_texts(last) == ["Post number 0"]
    assert "data-social-more" not in last
    assert_no_inline_code(last)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected_first"), [({"page": "abc"}, "Post number 24"), ({"page": "99999"}, "Post number 4")]
)
def test_nonsense_pages_fall_back_to_a_real_one(client, query, expected_first):
    add_posts(25)
    response = client.get("/social/", {**query, "per": "x"})
    assert response.status_code == 200
    assert post_texts(response.content.decode())[0] == expected_first


@pytest.mark.django_db
def test_the_fragment_is_only_the_posts_and_the_next_link(client):
    add_posts(12)
    html = client.get("/social/", {"per": 5, "page": 2, "fragment": 1}).content.decode()
    assert "<html" not in html and "<h1" not in html
    assert post_texts(html) == [f"Post number {n}" for n in range(6, 1, -1)]
    assert BeautifulSoup(html, "html.parser").select_one("a[data-social-more]")["href"] == "/social/?per=5&page=3"


@pytest.mark.django_db
@pytest.mark.parametrize("fragment", ["", "1"])
def test_social_pages_are_publicly_cacheable(client, fragment):
    add_posts(2)
    response = client.get("/social/", {"fragment": fragment} if fragment else {})
    assert "public" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "<form" not in re.sub(r'<form class="site-search".*?</form>', "", response.content.decode(), flags=re.S)
    assert "csrftoken" not in response.cookies


@pytest.mark.django_db
def test_hostile_text_is_shown_as_text(client, home_with_feed):
    add_posts(1, text='<script>alert("x")</script><img src=x onerror=alert(1)> & more')
    html = client.get("/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_post_images_are_local_renditions(client, home_with_feed):
    add_posts(1, image=ImageFactory(title="Rally in Liverpool"))
    image = BeautifulSoup(client.get("/").content, "html.parser").select_one(".social-post img")
    assert image["src"].startswith("/media/images/")
    assert image["loading"] == "lazy" and image["alt"] == "Rally in Liverpool"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/social/?per=5&page=2", "/"])
def test_social_listings_cost_the_same_queries_with_10_or_1000_posts(client, home_with_feed, url):
    images = [ImageFactory(), ImageFactory()]

    def add_items(count):
        first = SocialPost.objects.count()
        SocialPost.objects.bulk_create(
            SocialPost(
                platform="mastodon" if n % 3 else "facebook",
                account_name="Broad Left Network",
                handle="@broadleft",
                text=f"Post number {first + n} #RecallConference with @comrade",
                url=f"https://mastodon.social/@broadleft/{first + n}",
                posted_at=START + datetime.timedelta(hours=first + n),
                image=images[n % 2],
            )
            for n in range(count)
        )

    assert_flat_query_budget(client, url, add_items, budget=30, sizes=(10, 1000))
