from playwright.sync_api import expect

from home.demo import HERO_HEADING, SIGNUP_HEADING
from home.models import HomePage


def test_visitor_reads_the_home_page(live_server, demo_site, page):
    page.goto(live_server.url)
    # The heading is set in capitals by CSS: its text is as the editor wrote it.
    expect(page.get_by_role("heading", level=1)).to_have_text(HERO_HEADING)
    expect(page.get_by_text("Not yet another organisation with leadership aspirations.")).to_be_visible()
    expect(page.get_by_role("heading", name=SIGNUP_HEADING)).to_be_visible()
    expect(page.get_by_text("Published by the Broad Left Network")).to_be_visible()


def test_home_page_has_no_accessibility_violations(live_server, demo_site, page, assert_accessible):
    page.goto(live_server.url)
    assert_accessible(page)


def test_skip_link_moves_focus_to_the_content(live_server, demo_site, page):
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_menu_folds_behind_a_button_on_a_phone(live_server, demo_site, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url)
    menu_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Get involved")
    toggle = page.get_by_role("button", name="Menu")
    expect(menu_link).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()


def test_editor_logs_in_and_edits_the_home_page(live_server, demo_site, page, editor_login):
    editor_login()
    home = HomePage.objects.get()
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    heading = page.locator("input[name='body-0-value-heading']")
    heading.fill("Unite, organise, win")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{demo_site.root_page.get_parent().pk}/")

    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Unite, organise, win")
