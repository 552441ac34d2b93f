"""A press officer, in Chromium: signs in, writes a news item with a picture and publishes it; axe checks the admin
pages of the way, leaving out only what Wagtail's own widgets get wrong (not this project's templates)."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from news.models import NewsPage
from tests.browser.conftest import WCAG_22_AA
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import ImageFactory, StandardPageFactory
from tests.news.factories import NewsIndexPageFactory
from website import roles

PASSWORD = "a-strong-password-for-tests"  # noqa: S105
TITLE = "Network responds to the budget"
# Wagtail's tag field (jQuery UI's autocomplete input) has no label of its own; it is Wagtail's widget, not ours.
WAGTAILS_OWN = [".ui-autocomplete-input"]


@pytest.fixture
def press_officer(home_page, root_collection, django_user_model):
    # A live server's flush before this test removed the groups the migration made; the news index brings them back.
    news = NewsIndexPageFactory(parent=home_page)
    user = django_user_model.objects.create_user("press", "press@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.PRESS_OFFICERS))
    ImageFactory(title="Budget day rally", collection=root_collection)
    # Something in each of the dashboard panels this project renders for every editor.
    EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Rally for the library")
    StandardPageFactory(parent=home_page, title="Embargoed statement").save_revision(
        approved_go_live_at=datetime.datetime(2031, 7, 1, 9, 30, tzinfo=datetime.UTC)
    )
    return news


@pytest.fixture
def assert_admin_accessible():
    """axe on the whole admin page but Wagtail's own known-faulty widgets."""
    axe = Axe()

    def check(page):
        results = axe.run(
            page,
            context={"exclude": [[selector] for selector in WAGTAILS_OWN]},
            options={"runOnly": {"type": "tag", "values": WCAG_22_AA}},
        )
        assert results.violations_count == 0, results.generate_report()

    return check


def test_a_press_officer_publishes_a_news_item_with_a_picture(
    live_server, page, press_officer, assert_admin_accessible
):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("press")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    # Their menu has the news and the social posts, and nothing of people's data.
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="Social media posts")).to_be_visible()
    expect(menu.get_by_role("link", name="Sign-ups")).to_have_count(0)
    expect(menu.get_by_role("link", name="Event registrations")).to_have_count(0)
    expect(page.get_by_role("link", name="Rally for the library")).to_be_visible()
    expect(page.get_by_role("link", name="Embargoed statement")).to_be_visible()
    assert_admin_accessible(page)

    page.goto(f"{live_server.url}/admin/pages/{press_officer.pk}/")
    assert_admin_accessible(page)
    page.get_by_role("link", name="Add child page").first.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/add/news/newspage/{press_officer.pk}/")
    assert_admin_accessible(page)
    page.get_by_role("textbox", name="Title*").fill(TITLE)
    page.get_by_role("combobox", name="Kind").select_option(label="Response")
    page.get_by_role("textbox", name="Summary").fill("Our answer to the Chancellor, within the hour.")

    page.get_by_role("button", name="Choose an image").click()
    expect(page.get_by_role("link", name="Budget day rally")).to_be_visible()
    # Faded in: axe reads colours as they are at that moment, and half-way they are paler.
    expect(page.locator(".modal.in")).to_have_css("opacity", "1")
    assert_admin_accessible(page)  # with the image chooser open
    page.get_by_role("link", name="Budget day rally").click()
    # The chooser's own title, not the fading modal's card that has the same words.
    expect(page.locator("#id_listing_image-title")).to_have_text("Budget day rally")
    expect(page.locator(".modal")).to_have_count(0)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{press_officer.pk}/")
    # Wagtail words it either way.
    expect(page.get_by_text(re.compile(f"Page '{TITLE}' (created and|has been) published"))).to_be_visible()

    # Read once: the admin answers only after the publish is committed. A draft's autosave still on its way when
    # Publish was clicked used to unpublish it here now and then (website/unseen_publish.py).
    item = NewsPage.objects.get(title=TITLE)
    assert item.live
    assert item.listing_image.title == "Budget day rally"
    page.goto(f"{live_server.url}{item.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    # The dashboard shows no count of people to a press officer.
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_text("Sign-ups")).to_have_count(0)
