"""In a real browser: an organiser writes an open letter co-signed by an organisation, a moderator approves it
through the campaign workflow; a visitor signs and confirms; the moderator approves the signatory, who then shows
on the letter (axe finds nothing on the letter page)."""

import re

from django.core import mail
from playwright.sync_api import expect

from letters.models import OpenLetterPage, Signatory
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.factories import OrganisationFactory
from website import roles

TITLE = "Let the members decide"


def test_an_editors_letter_is_approved_signed_and_its_signatory_shows_once_a_moderator_approves(
    live_server, home_page, browser, assert_accessible, sign_in
):
    # The campaign index brings back the editors' groups and the approval workflow a live server's flush removed.
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page), title="Recall conference")
    OrganisationFactory(name="Fire Brigades Union")

    # An organiser writes the letter, with an organisation co-signing, and submits it.
    organiser = sign_in(browser.new_context().new_page(), roles.ORGANISERS)
    organiser.goto(f"{live_server.url}/admin/pages/{campaign.pk}/")
    organiser.get_by_role("link", name="Add child page").first.click()
    organiser.get_by_role("link", name=re.compile(r"^Open letter\b")).click()
    organiser.get_by_role("textbox", name="Title*").fill(TITLE)
    organiser.get_by_role("textbox", name="Addressee*").fill("Labour's National Executive Committee")
    organiser.locator("#panel-child-content-text-content [contenteditable=true]").click()
    organiser.keyboard.type("We ask the NEC to recall conference.")
    organiser.get_by_role("button", name="Add organisation").click()
    organiser.get_by_role("button", name="Choose organisation").click()
    organiser.locator(".modal").get_by_role("link", name="Fire Brigades Union").click()
    expect(organiser.locator(".modal")).to_have_count(0)
    organiser.get_by_role("button", name="More actions").click()
    organiser.get_by_role("button", name=f"Submit to {roles.CAMPAIGN_WORKFLOW}").click()
    expect(organiser.get_by_text(re.compile(f"Page '{TITLE}' created and submitted for moderation"))).to_be_visible()
    letter = OpenLetterPage.objects.get(title=TITLE)
    assert not letter.live

    # A moderator approves it.
    moderator_page = sign_in(browser.new_context().new_page(), roles.MODERATORS)
    moderator_page.goto(f"{live_server.url}/admin/pages/{letter.pk}/edit/")
    moderator_page.get_by_role("button", name="More actions").click()
    moderator_page.get_by_role("button", name="Approve and Publish", exact=True).click()
    # Back in the campaign's listing: the page is live.
    expect(moderator_page.get_by_role("link", name="Current page status: live")).to_be_visible()
    letter.refresh_from_db()
    assert letter.live

    # A visitor signs and confirms by the e-mailed link's button.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}{letter.url}")
    visitor.locator("#id_name").fill("Rosa Parks")
    visitor.locator("#id_role").fill("Branch secretary")
    visitor.locator("#id_organisation").fill("Unite Liverpool")
    visitor.locator("#id_email").fill("rosa@example.org")
    visitor.get_by_role("button", name="Sign the letter").click()
    visitor.wait_for_url(re.compile(r"/thanks/"))
    link = re.search(r"https?://[^/\s]+(/letters/confirm/[^\s]+/)", mail.outbox[-1].body).group(1)
    visitor.goto(f"{live_server.url}{link}")
    visitor.get_by_role("button", name="Confirm my signature").click()
    expect(visitor.get_by_role("heading", name="Signature confirmed")).to_be_visible()
    assert Signatory.objects.get().status == "pending"

    # The moderator approves the signatory.
    moderator_page.goto(f"{live_server.url}/admin/letters/signatory/?status=pending")
    moderator_page.get_by_role("link", name="Approve or reject").first.click()
    moderator_page.get_by_role("button", name="Approve", exact=True).click()
    expect(moderator_page.get_by_text("Rosa Parks is approved and now shows on")).to_be_visible()

    # The signatory shows on the letter.
    visitor.goto(f"{live_server.url}{letter.url}")
    expect(visitor.get_by_text("We ask the NEC to recall conference.")).to_be_visible()
    co_signing = visitor.get_by_role("region", name="Signed by these organisations")
    expect(co_signing.get_by_role("link", name="Fire Brigades Union")).to_be_visible()
    expect(visitor.get_by_text("Rosa Parks", exact=True)).to_be_visible()
    expect(visitor.get_by_role("heading", name="Signed by 1 person")).to_be_visible()
    assert_accessible(visitor)
