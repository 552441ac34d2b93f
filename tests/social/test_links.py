"""Hashtags and @handles in a post's text link to its platform's tag and profile pages, and nothing in the text can
become markup."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import timezone

from social.links import hashtag_url, linked_text, profile_url
from social.models import SocialPost
from tests.utils import assert_no_inline_code


@pytest.mark.parametrize(
    ("platform", "post_url", "expected"),
    [
        ("facebook", "https://www.facebook.com/broadleftnetwork/posts/1", "https://www.facebook.com/hashtag/Recall"),
        ("x", "https://x.com/broadleft/status/1", "https://x.com/hashtag/Recall"),
        ("instagram", "https://www.instagram.com/p/1/", "https://www.instagram.com/explore/tags/Recall/"),
        ("bluesky", "https://bsky.app/profile/broadleft.bsky.social/post/1", "https://bsky.app/hashtag/Recall"),
        ("mastodon", "https://mastodon.social/@broadleft/1", "https://mastodon.social/tags/Recall"),
        ("mastodon", "https://social.example.coop/@broadleft/1", "https://social.example.coop/tags/Recall"),
        ("youtube", "https://www.youtube.com/watch?v=abc", "https://www.youtube.com/hashtag/Recall"),
        ("tiktok", "https://www.tiktok.com/@broadleft/video/1", "https://www.tiktok.com/tag/Recall"),
        ("other", "https://example.org/post/1", None),
        ("mastodon", "http://insecure.example/@a/1", None),
    ],
)
def test_a_hashtag_goes_to_its_platforms_tag_page(platform, post_url, expected):
    assert hashtag_url(platform, "Recall", post_url) == expected


@pytest.mark.parametrize(
    ("platform", "handle", "expected"),
    [
        ("x", "@RichardBurgon", "https://x.com/RichardBurgon"),
        ("x", "@name.with.dots", None),
        ("facebook", "@broadleftnetwork", "https://www.facebook.com/broadleftnetwork"),
        ("instagram", "@broad.left", "https://www.instagram.com/broad.left/"),
        ("bluesky", "@broadleft.bsky.social", "https://bsky.app/profile/broadleft.bsky.social"),
        ("bluesky", "@broadleft", None),
        ("mastodon", "@broadleft", "https://mastodon.social/@broadleft"),
        ("mastodon", "@comrade@social.example.coop", "https://social.example.coop/@comrade"),
        ("x", "@comrade@social.example.coop", "https://social.example.coop/@comrade"),
        ("youtube", "@broadleft", "https://www.youtube.com/@broadleft"),
        ("tiktok", "@broadleft", "https://www.tiktok.com/@broadleft"),
        ("other", "@broadleft", None),
        ("x", "broadleft", None),
    ],
)
def test_a_handle_goes_to_its_profile_where_the_platform_has_a_simple_address(platform, handle, expected):
    assert profile_url(platform, handle, "https://mastodon.social/@broadleft/1") == expected


def links(html):
    return [(link["href"], link.get_text()) for link in BeautifulSoup(html, "html.parser").find_all("a")]


def test_tags_and_handles_in_the_text_become_links_and_the_rest_stays_text():
    text = (
        "Join @RichardBurgon and @socialistcam. #RecallConference #LiverpoolMayor! "
        "Mail info@broadleft.org, read example.org/page#part, we are #1 and ##twice"
    )
    html = linked_text(text, "x")
    assert links(html) == [
        ("https://x.com/RichardBurgon", "@RichardBurgon"),
        ("https://x.com/socialistcam", "@socialistcam"),
        ("https://x.com/hashtag/RecallConference", "#RecallConference"),
        ("https://x.com/hashtag/LiverpoolMayor", "#LiverpoolMayor"),
    ]
    assert BeautifulSoup(html, "html.parser").get_text() == text
    assert all('rel="noopener"' in tag for tag in html.split("<a ")[1:])


def test_a_non_ascii_hashtag_is_linked_percent_encoded():
    assert links(linked_text("Solidarność #Solidarność", "facebook")) == [
        ("https://www.facebook.com/hashtag/Solidarno%C5%9B%C4%87", "#Solidarność")
    ]


def test_hostile_text_is_escaped_and_cannot_break_out_of_a_link():
    text = '<script>alert("x")</script> #tag"><img src=x onerror=alert(1)> @x\'onmouseover=alert(1) & it\'s #ok'
    html = linked_text(text, "x")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert links(html) == [
        ("https://x.com/hashtag/tag", "#tag"),
        ("https://x.com/x", "@x"),
        ("https://x.com/hashtag/ok", "#ok"),
    ]
    # The apostrophe's entity (&#x27;) is not read as a hashtag, and the parsed text is the text typed.
    assert BeautifulSoup(html, "html.parser").get_text() == text
    assert_no_inline_code(html)


def test_the_filter_links_a_posts_text_on_its_own_platform():
    post = SocialPost(platform="mastodon", text="", url="https://social.example.coop/@broadleft/1")
    html = Template("{% load social_tags %}{{ text|social_links:post|linebreaksbr }}").render(
        Context({"text": "Rally <b>today</b>\n#Recall with @comrade", "post": post})
    )
    assert html == (
        "Rally &lt;b&gt;today&lt;/b&gt;<br>"
        '<a href="https://social.example.coop/tags/Recall" rel="noopener">#Recall</a> with '
        '<a href="https://social.example.coop/@comrade" rel="noopener">@comrade</a>'
    )


@pytest.fixture
def home_with_feed(home_page):
    home_page.body = [("social_feed", {"heading": "On social media", "count": 3})]
    home_page.save_revision().publish()
    return home_page


@pytest.mark.django_db
def test_the_feed_shows_the_account_and_links_its_tags_its_handle_and_nothing_loads_from_there(client, home_with_feed):
    SocialPost.objects.create(
        platform="bluesky",
        account_name='Broad Left <Network> "official"',
        handle="@broadleft.bsky.social",
        text="Saturday's rally: #RecallConference with @richardburgon.bsky.social <script>alert(1)</script>",
        url="https://bsky.app/profile/broadleft.bsky.social/post/3k",
        posted_at=timezone.make_aware(datetime.datetime(2026, 3, 1, 12, 0)),
    )
    html = client.get("/").content.decode()
    post = BeautifulSoup(html, "html.parser").select_one(".social-post")
    assert post.select_one(".social-post__name").get_text() == 'Broad Left <Network> "official"'
    handle = post.select_one("a.social-post__handle")
    assert handle["href"] == "https://bsky.app/profile/broadleft.bsky.social"
    assert handle.get_text() == "@broadleft.bsky.social"
    assert [(link["href"], link.get_text()) for link in post.select(".social-post__text a")] == [
        ("https://bsky.app/hashtag/RecallConference", "#RecallConference"),
        ("https://bsky.app/profile/richardburgon.bsky.social", "@richardburgon.bsky.social"),
    ]
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Third parties are only ever links: nothing on the page loads from them.
    loaded = [tag.get("src") for tag in BeautifulSoup(html, "html.parser").find_all(["img", "script", "iframe"])]
    assert all(src is None or src.startswith("/") for src in loaded)
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_a_handle_with_no_simple_profile_address_stays_text(client, home_with_feed):
    SocialPost.objects.create(
        platform="other",
        handle="@broadleft",
        text="#RecallConference",
        url="https://example.org/post/1",
        posted_at=timezone.now(),
    )
    post = BeautifulSoup(client.get("/").content, "html.parser").select_one(".social-post")
    assert post.select_one("span.social-post__handle").get_text() == "@broadleft"
    assert post.select(".social-post__meta a, .social-post__text a") == []
