"""In a real browser: nothing is fetched from a video provider until the visitor presses play."""

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import StandardPageFactory

YOUTUBE_URL = "https://www.youtube.com/live/dQw4w9WgXcQ"
NOCOOKIE_EMBED = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
TITLE = "Socialist Telly: the budget"


@pytest.fixture
def video_page(site):
    body = [("video", {"url": YOUTUBE_URL, "title": TITLE, "thumbnail": None, "caption": "Tuesday's episode"})]
    return StandardPageFactory(parent=site.root_page, slug="watch", title="Watch", body=body)


@pytest.fixture
def offline(live_server):
    """Every request the browser makes, with anything bound off this machine aborted before it leaves."""
    ours = urlsplit(live_server.url).netloc
    seen = []

    def third_party(url):
        return urlsplit(url).netloc != ours

    def watch(page):
        page.on("request", lambda request: seen.append(request.url))
        page.route(third_party, lambda route: route.abort())
        return seen

    watch.third_party_requests = lambda: [url for url in seen if url.startswith("http") and third_party(url)]
    return watch


def test_no_third_party_request_until_the_visitor_presses_play(
    live_server, page, video_page, offline, assert_accessible
):
    requests = offline(page)
    page.goto(f"{live_server.url}{video_page.url}", wait_until="networkidle")
    placeholder = page.get_by_role("button", name=re.compile(TITLE))
    expect(placeholder).to_be_visible()
    assert_accessible(page)
    assert requests, "the page's own requests should have been recorded"
    assert offline.third_party_requests() == []

    with page.expect_request(lambda request: request.url.startswith(NOCOOKIE_EMBED)):
        placeholder.click()

    player = page.locator("iframe.video__player")
    expect(player).to_have_attribute("title", TITLE)
    expect(player).to_have_attribute("src", re.compile("^" + re.escape(f"{NOCOOKIE_EMBED}?autoplay=1")))
    assert {urlsplit(url).netloc for url in offline.third_party_requests()} == {"www.youtube-nocookie.com"}
    expect(page.locator(".video__placeholder")).to_have_count(0)


def test_the_keyboard_plays_the_video_too(live_server, page, video_page, offline):
    offline(page)
    page.goto(f"{live_server.url}{video_page.url}")
    placeholder = page.get_by_role("button", name=re.compile(TITLE))
    placeholder.focus()
    with page.expect_request(lambda request: request.url.startswith(NOCOOKIE_EMBED)):
        page.keyboard.press("Space")
    player = page.locator("iframe.video__player")
    assert player.evaluate("element => element === document.activeElement")


def test_without_javascript_the_placeholder_is_a_link_to_the_video(live_server, browser, video_page, offline):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    offline(page)
    page.goto(f"{live_server.url}{video_page.url}")
    link = page.get_by_role("link", name=re.compile(TITLE))
    expect(link).to_have_attribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert offline.third_party_requests() == []
    with page.expect_request("https://www.youtube.com/watch?v=dQw4w9WgXcQ"):
        link.click()
    context.close()


def test_the_home_page_livestream_counts_down_to_the_start(
    live_server, root_collection, demo_site, page, offline, assert_accessible
):
    offline(page)
    page.goto(live_server.url)
    livestream = page.locator(".livestream")
    expect(livestream).to_contain_text("slight delay", use_inner_text=True)
    # The words depend on the hour the suite runs ("in 15 hours." has no minutes), so the browser's clock is
    # set against the stream's own start time and each wording is checked exactly.
    starts_at = datetime.fromisoformat(livestream.locator("time[data-countdown]").get_attribute("datetime"))
    for before, words in [
        (timedelta(hours=2, minutes=5), "That is in 2 hours 5 minutes."),
        (timedelta(hours=15), "That is in 15 hours."),
        (timedelta(days=1, hours=3, minutes=20), "That is in 1 day 3 hours."),
        (timedelta(minutes=1), "That is in 1 minute."),
    ]:
        page.clock.set_fixed_time(starts_at - before)
        page.reload()
        expect(livestream).to_contain_text(words, use_inner_text=True)
    page.clock.set_fixed_time(starts_at + timedelta(minutes=1))
    page.reload()
    expect(livestream).to_contain_text("It is starting now", use_inner_text=True)
    assert offline.third_party_requests() == []
    assert_accessible(page)
