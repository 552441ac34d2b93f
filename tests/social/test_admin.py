"""The editor's path: posts are pasted in through the snippet admin, then filtered and searched there; and the demo
loader adds the seed's posts and the home page's feed once."""

import datetime

import pytest
from django.utils import timezone

from social import demo as social_demo
from social.models import SocialPost

POSTS = "/admin/snippets/social/socialpost/"


def post_form(**fields):
    return {
        "platform": "facebook",
        "account_name": "Broad Left Network",
        "handle": "@broadleftnetwork",
        "text": "Register now to join the rally in advance of NEC Organising Committee meeting on March 11th",
        "url": "https://www.facebook.com/broadleftnetwork/posts/nec-rally",
        "posted_at": "2026-03-04 10:00",
        "image": "",
        "shown": "on",
        **fields,
    }


def make_post(text, platform="facebook"):
    return SocialPost.objects.create(
        platform=platform,
        text=text,
        url=f"https://example.org/{SocialPost.objects.count()}",
        posted_at=timezone.now(),
    )


@pytest.mark.django_db
def test_editor_pastes_in_a_post_through_the_admin(admin_client):
    response = admin_client.post(f"{POSTS}add/", post_form())
    assert response.status_code == 302
    post = SocialPost.objects.get()
    assert post.shown and post.platform == "facebook"
    assert (post.account_name, post.handle, post.source_id) == ("Broad Left Network", "@broadleftnetwork", "")
    assert post.posted_at == timezone.make_aware(datetime.datetime(2026, 3, 4, 10, 0))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"url": "http://www.facebook.com/broadleftnetwork/posts/1"}, "url"),
        ({"text": "x" * 5001}, "text"),
        ({"posted_at": ""}, "posted_at"),
        ({"handle": "broadleft"}, "handle"),
        ({"handle": '@a"><script>'}, "handle"),
    ],
)
def test_the_admin_refuses_an_unsafe_or_incomplete_post(admin_client, fields, field_in_error):
    response = admin_client.post(f"{POSTS}add/", post_form(**fields))
    assert response.status_code == 200
    assert field_in_error in response.context["form"].errors
    assert not SocialPost.objects.exists()


@pytest.mark.django_db
def test_editors_filter_posts_by_platform(admin_client):
    make_post("On Facebook about the rally")
    make_post("On X about the budget", platform="x")
    html = admin_client.get(POSTS, {"platform": "x"}).content.decode()
    assert "On X about the budget" in html
    assert "On Facebook about the rally" not in html


@pytest.mark.django_db
def test_editors_search_posts(admin_client):
    make_post("Liverpool: we stand in full solidarity with the Labour members there")
    make_post("A slight delay to our socialist Telly slot")
    response = admin_client.get(POSTS, {"q": "Liverpool"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "full solidarity" in html
    assert "Telly slot" not in html


@pytest.mark.django_db
def test_demo_loader_adds_the_seed_posts_and_the_feed_once(home_page):
    def home_feeds():
        home_page.refresh_from_db()
        return [block for block in home_page.body.raw_data if block["type"] == "social_feed"]

    social_demo.load(lambda message: None)
    social_demo.load(lambda message: None)
    posts = list(SocialPost.objects.order_by("-posted_at"))
    assert len(posts) == 4
    assert "Telly slot" in posts[0].text and "Labour4Clause4" in posts[-1].text
    assert all(post.url.startswith("https://www.facebook.com/") for post in posts)
    assert {(post.account_name, post.handle) for post in posts} == {("Broad Left Network", "@broadleftnetwork")}
    assert len({post.posted_at.date() for post in posts}) == 4
    assert len(home_feeds()) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("platform", ["youtube", "tiktok"])
def test_editors_can_paste_in_youtube_and_tiktok_posts(admin_client, platform):
    response = admin_client.post(f"{POSTS}add/", post_form(platform=platform, url=f"https://www.{platform}.com/@x/1"))
    assert response.status_code == 302
    assert SocialPost.objects.get().get_platform_display() == {"youtube": "YouTube", "tiktok": "TikTok"}[platform]
