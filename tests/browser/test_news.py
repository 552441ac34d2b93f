"""A visitor reads the news in Chromium: pages through, filters by kind, shares and copies a link."""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from news.demo import RECALL_TITLE, YOUNG_LABOUR_TITLE
from news.models import NewsPage

SHARE_NETWORKS = ["X (Twitter)", "Facebook", "WhatsApp", "Bluesky", "E-mail"]


@pytest.fixture
def news_demo(demo_site):
    return demo_site


def test_visitor_pages_through_and_filters_the_news(live_server, news_demo, page, assert_accessible):
    page.goto(f"{live_server.url}/news/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What's new")
    assert_accessible(page)

    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**/news/?page=2")
    expect(page.get_by_role("heading", name=RECALL_TITLE)).to_be_visible()
    expect(page.get_by_text("page 2 of 2.")).to_be_visible()

    page.get_by_role("navigation", name="Filter the news").get_by_role("link", name="Statements").click()
    page.wait_for_url("**/news/?kind=statement")
    kinds = page.locator(".news-card .news-kind")
    expect(kinds).to_have_count(2)
    assert set(kinds.all_text_contents()) == {"Statement"}
    assert_accessible(page)

    page.get_by_role("link", name=YOUNG_LABOUR_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(YOUNG_LABOUR_TITLE)
    assert_accessible(page)


def test_visitor_shares_and_copies_the_link_without_calling_a_third_party(live_server, news_demo, page):
    item = NewsPage.objects.get(title=RECALL_TITLE)
    elsewhere = []
    page.on("request", lambda request: None if request.url.startswith(live_server.url) else elsewhere.append(request))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    page.goto(f"{live_server.url}{item.url}")
    share = page.get_by_role("region", name="Share this")
    for network in SHARE_NETWORKS:
        expect(share.get_by_role("link", name=network)).to_be_visible()
    share.get_by_role("button", name="Copy link").click()
    expect(share.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == item.full_url
    assert elsewhere == [], [request.url for request in elsewhere]


def test_press_release_page_has_no_accessibility_violations(live_server, news_demo, page, assert_accessible):
    page.goto(f"{live_server.url}{NewsPage.objects.get(title=RECALL_TITLE).url}")
    expect(page.get_by_role("heading", name="Press contact")).to_be_visible()
    assert_accessible(page)


def test_without_javascript_the_share_links_work_and_copy_link_stays_hidden(live_server, news_demo, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        item = NewsPage.objects.get(title=RECALL_TITLE)
        page.goto(f"{live_server.url}{item.url}")
        share = page.get_by_role("region", name="Share this")
        bluesky = "https://bsky.app/intent/compose?text=" + quote(f"{item.title} {item.full_url}", safe="")
        expect(share.get_by_role("link", name="Bluesky")).to_have_attribute("href", bluesky)
        expect(share.get_by_role("button", name="Copy link")).to_be_hidden()
    finally:
        context.close()
