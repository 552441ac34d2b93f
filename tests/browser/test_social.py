"""In Chromium: the home page's social feed loads older posts in place and opens a long post's "See more", and no
request ever goes to Facebook or anywhere else off this server."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from social import demo as social_demo


@pytest.fixture
def social_feed(home_page):
    """The seed's four Facebook posts, with the home page showing the newest three."""
    social_demo.load(lambda message: None)
    return home_page


def test_visitor_loads_more_posts_in_place_and_reads_a_long_one(live_server, page, social_feed, assert_accessible):
    ours = urlsplit(live_server.url).netloc
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(lambda url: urlsplit(url).netloc != ours, lambda route: route.abort())

    page.goto(f"{live_server.url}/", wait_until="networkidle")
    feed = page.locator(".social-feed")
    posts = feed.locator(".social-post")
    expect(posts).to_have_count(3)
    expect(feed.get_by_role("link", name="View on Facebook").first).to_be_visible()
    assert_accessible(page)

    feed.get_by_role("link", name="Load more posts").click()
    expect(posts).to_have_count(4)
    assert page.url == f"{live_server.url}/"
    expect(posts.nth(3)).to_be_focused()
    expect(feed.get_by_role("link", name="Load more posts")).to_have_count(0)

    long_post = posts.nth(3)
    rest = long_post.locator(".social-post__rest")
    expect(rest).to_be_hidden()
    long_post.get_by_text("See more").click()
    expect(rest).to_be_visible()
    expect(rest).to_contain_text("Labour4Clause4")
    expect(long_post.locator("summary")).to_have_text("See less", use_inner_text=True)
    assert_accessible(page)

    long_post.locator("summary").press("Enter")
    expect(rest).to_be_hidden()
    expect(long_post.locator("summary")).to_have_text("See more", use_inner_text=True)

    assert requests, "the page's own requests should have been recorded"
    assert [url for url in requests if url.startswith("http") and urlsplit(url).netloc != ours] == []
