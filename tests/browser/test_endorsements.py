"""In a real browser: an organisation asks to endorse with its logo, an editor approves it, its logo joins the walls."""

from playwright.sync_api import expect

from endorsements.logos import png_logo
from endorsements.models import EndorsementRequest, OrganisationKind
from tests.endorsements.factories import OrganisationWithLogoFactory, endorsements_page
from tests.factories import OrganisationFactory

NAME = "Unite Leeds Community Branch"


def gallery_section(home_page):
    home_page.body = [
        ("endorsements", {"heading": "Supported by", "show": "all", "kind": "", "organisations": [], "show_link": True})
    ]
    home_page.save_revision().publish()


def test_organisation_asks_editor_approves_and_its_logo_joins_the_walls(
    live_server, home_page, page, editor_login, assert_accessible
):
    endorsements_page(home_page)
    gallery_section(home_page)
    OrganisationWithLogoFactory(name="Fire Brigades Union", kind=OrganisationKind.TRADE_UNION)

    page.goto(f"{live_server.url}/endorsements/")
    page.get_by_role("link", name="Ask your organisation to endorse").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask your organisation to endorse the network")
    assert_accessible(page)
    page.get_by_label("Organisation's name").fill(NAME)
    page.get_by_label("What sort of organisation it is").select_option(label="Union branch")
    page.get_by_label("Where it organises").select_option(label="Yorkshire and the Humber")
    page.get_by_label("Its website (optional)").fill("https://leeds.example.org/")
    page.get_by_label("Your name").fill("Sam Secretary")
    page.get_by_label("Your e-mail address").fill("sam@leeds.example.org")
    page.get_by_label("Logo", exact=True).set_input_files(
        {"name": "leeds.png", "mimeType": "image/png", "buffer": png_logo("Leeds Branch", "#8a1538")}
    )
    page.get_by_label("Statement of support (optional)").fill("Our branch backs the network.")
    page.get_by_label("We agree that the network shows our logo on its website").check()
    page.get_by_label("We may write to the contact above about this request").check()
    page.get_by_role("button", name="Send our request").click()
    page.wait_for_url(f"{live_server.url}/endorsements/ask/thanks/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    assert_accessible(page)
    assert EndorsementRequest.objects.get().name == NAME

    editor_login()
    page.goto(f"{live_server.url}/admin/endorsements/endorsementrequest/")
    page.get_by_role("link", name="Approve or decline").first.click()
    page.get_by_role("button", name="Approve and list it").click()
    page.wait_for_url(f"{live_server.url}/admin/endorsements/endorsementrequest/")
    expect(page.get_by_text(f"{NAME} now backs the network")).to_be_visible()

    page.goto(f"{live_server.url}/endorsements/")
    logo = page.get_by_role("img", name=NAME)
    logo.scroll_into_view_if_needed()
    assert logo.evaluate("image => image.complete && image.naturalWidth > 0")
    expect(page.get_by_role("link", name=NAME)).to_have_attribute("href", "https://leeds.example.org/")
    assert_accessible(page)

    page.goto(live_server.url)
    home_logo = page.locator(".organisation-gallery").get_by_role("img", name=NAME)
    home_logo.scroll_into_view_if_needed()
    assert home_logo.evaluate("image => image.complete && image.naturalWidth > 0")
    assert_accessible(page)


def test_filtered_gallery_works_without_javascript_and_is_accessible(
    browser, live_server, home_page, assert_accessible
):
    endorsements_page(home_page)
    OrganisationWithLogoFactory(name="Unite", kind=OrganisationKind.TRADE_UNION)
    OrganisationFactory(name="Bristol Mutual Aid", kind=OrganisationKind.MUTUAL_AID, show_logo=False)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/endorsements/")
    page.get_by_role("link", name="Mutual-aid networks (1)").click()
    # A click returns once the new page starts to arrive: wait for all of it before checking what it leaves out.
    page.wait_for_url(f"{live_server.url}/endorsements/?kind=mutual_aid")
    expect(page.get_by_role("heading", name="Mutual-aid networks (1)")).to_be_visible()
    expect(page.get_by_role("img", name="Unite")).to_have_count(0)
    context.close()
    page = browser.new_page()
    page.goto(f"{live_server.url}/endorsements/?kind=mutual_aid")
    assert_accessible(page)
    page.close()
