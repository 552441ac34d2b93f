"""In Chromium: Wagtail's admin makes a new page's slug from an emoji title without stray hyphens; a title of emoji
alone leaves the slug empty for the server to fill in (tests/website/pages/test_slugs.py)."""

import pytest
from playwright.sync_api import expect

from website.models import StandardPage


@pytest.mark.parametrize(
    "title, slug",
    [
        ("🔥 Recall conference: 👇 sign now ❌", "recall-conference-sign-now"),
        ("Ünïted — we stand ✊🏽", "united-we-stand"),
    ],
)
def test_the_admin_slugifies_an_emoji_title_without_stray_hyphens(
    live_server, page, home_page, editor_login, title, slug
):
    editor_login()
    page.goto(f"{live_server.url}/admin/pages/add/website/standardpage/{home_page.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value(slug)


def test_an_emoji_only_title_is_saved_with_a_slug(live_server, page, home_page, editor_login):
    editor_login()
    page.goto(f"{live_server.url}/admin/pages/add/website/standardpage/{home_page.pk}/")
    page.locator("#id_title").fill("🔥❌")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value("")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Page '🔥❌' created.")).to_be_visible()
    assert StandardPage.objects.get(title="🔥❌").slug == "fire-cross-mark"
