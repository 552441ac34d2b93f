"""In Chromium on the demo site: no page type runs wider than a phone; the header reaches every main section on a
desktop and through the phone's menu; every campaign and event shows its action without scrolling on a phone; and
axe finds nothing at WCAG 2.2 AA on the pages this look changed."""

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignPage, EventPage

# One page of each public page type in the demo.
PAGE_TYPES = [
    "/",
    "/get-involved/",
    "/sign-up/",
    "/campaigns/",
    "/campaigns/recall-conference/",
    "/events/",
    "/events/rally-to-reclaim-democracy/",
    "/events/rally-before-the-nec-organising-committee/",
    "/news/",
    "/news/left-responds-to-budget-2021/",
    "/endorsements/",
    "/endorsements/ask/",
    "/social/",
    "/search/?q=rally",
]
MAIN_SECTIONS = {
    "Campaigns": "/campaigns/",
    "Events": "/events/",
    "What's new": "/news/",
    "Endorsements": "/endorsements/",
    "Get involved": "/get-involved/",
}
PHONE = {"width": 390, "height": 844}

# What sticks out past the right edge of the window, named so a failure says where.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter(element => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !element.closest('.visually-hidden, .honeypot');
    });
    return {scrollWidth: document.documentElement.scrollWidth, width,
            wide: wide.slice(0, 5).map(element => element.tagName + '.' + element.className)};
}"""


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_type_is_wider_than_a_phone(live_server, demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in PAGE_TYPES:
        page.goto(f"{live_server.url}{path}")
        found = page.evaluate(OVERFLOWING)
        assert found["scrollWidth"] <= found["width"] and not found["wide"], f"{path} at {width}px: {found}"


def test_the_header_links_every_main_section_on_a_desktop_and_a_phone(live_server, demo_site, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url)
    menu = page.get_by_role("navigation", name="Main")
    for name, path in MAIN_SECTIONS.items():
        expect(menu.get_by_role("link", name=name, exact=True)).to_have_attribute("href", path)
    join = page.get_by_role("banner").get_by_role("link", name="Join", exact=True)
    expect(join).to_be_visible()

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/campaigns/")
    expect(join).to_be_visible()  # outside the folded menu
    page.get_by_role("button", name="Menu").click()
    for name in MAIN_SECTIONS:
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name="Campaigns", exact=True)).to_have_attribute("aria-current", "page")
    menu.get_by_role("link", name="Events", exact=True).click()
    page.wait_for_url(f"{live_server.url}/events/")


def test_every_campaign_and_event_shows_its_action_above_the_fold_on_a_phone(live_server, demo_site, page):
    page.set_viewport_size(PHONE)
    pages = [*CampaignPage.objects.live(), *EventPage.objects.live()]
    assert len(pages) >= 6
    for item in pages:
        page.goto(f"{live_server.url}{item.url}")
        bar = page.locator(".banner .action-bar")
        button = bar.locator("a").first
        box = button.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], f"{item.url}: {box}"
        # It leads to the page's action, which ends the page.
        bar.get_by_role("link", name="More ways to help").or_(bar.get_by_role("link", name="Take action")).click()
        expect(page.locator("#take-action")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_new_look_has_no_accessibility_violations(live_server, demo_site, page, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 844})
    for path in ["/", "/campaigns/", "/campaigns/recall-conference/", "/events/rally-to-reclaim-democracy/", "/news/"]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
