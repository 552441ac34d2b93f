from playwright.sync_api import expect

from tests.factories import StandardPageFactory


def test_visitor_searches_from_the_header(live_server, demo_site, page, assert_accessible):
    StandardPageFactory(
        parent=demo_site.root_page, title="Recall conference motion", listing_summary="What the motion asks for."
    )
    page.goto(live_server.url)
    page.get_by_role("searchbox", name="Search the site").fill("recall")
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=recall")

    expect(page.get_by_role("heading", level=1)).to_have_text("Search results for “recall”")
    result = page.get_by_role("link", name="Recall conference motion")
    expect(result).to_be_visible()
    assert_accessible(page)

    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recall conference motion")


def test_a_search_with_no_results_is_accessible_and_helpful(live_server, demo_site, page, assert_accessible):
    page.goto(f"{live_server.url}/search/?q=zzzyzx")
    expect(page.get_by_text("Try fewer words")).to_be_visible()
    assert_accessible(page)
