import re

from django.core import mail
from playwright.sync_api import expect

from petitions import demo
from petitions.models import NameReview, PetitionPage, Signature
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.petitions.factories import PetitionPageFactory, add_confirmed_signatures
from website import roles

TITLE = "Recall conference now"


def test_a_visitor_signs_the_petition_from_the_home_page_confirms_and_sees_the_count_rise(
    live_server, demo_site, page, assert_accessible
):
    petition = PetitionPage.objects.get(slug=demo.SLUG)
    before = f"{demo.DEMO_SIGNATURES:,}"
    after = f"{demo.DEMO_SIGNATURES + 1:,}"
    page.goto(live_server.url)
    expect(page.locator(".home-petition .petition-progress__count strong")).to_have_text(before)
    assert_accessible(page, context=".home-petition")
    page.locator(".home-petition").get_by_role("link", name="Sign the petition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(petition.title)
    assert_accessible(page)

    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("alert").get_by_text("without it we cannot keep your signature")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your name").fill("Rosa Parks")
    page.get_by_label("E-mail address").fill("rosa@example.org")
    page.get_by_label("Show my name on the public list").check()
    page.get_by_label("I agree that the network may keep my signature").check()
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    for network in ("WhatsApp", "Facebook", "X (Twitter)", "Bluesky", "E-mail"):
        expect(page.locator("#share").get_by_role("link", name=network, exact=True)).to_be_visible()
    expect(page.locator("#share").get_by_role("button", name="Copy link")).to_be_visible()
    assert_accessible(page)

    (message,) = mail.outbox
    confirm_path = re.search(r"https?://[^/\s]+(/petitions/confirm/[^\s]+/)", message.body).group(1)
    page.goto(live_server.url + confirm_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your signature")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your signature counts")
    assert_accessible(page)

    for url in (petition.url, petition.get_parent().url, "/"):
        page.goto(live_server.url + url)
        expect(page.locator(".petition-progress__count strong").first).to_have_text(after)
    assert_accessible(page, context=".home-petition")

    # The same address again: the same answer, and no second count.
    page.goto(live_server.url + petition.url)
    page.get_by_label("Your name").fill("Rosa Parks")
    page.get_by_label("E-mail address").fill("ROSA@example.org")
    page.get_by_label("I agree that the network may keep my signature").check()
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    page.goto(live_server.url + petition.url)
    expect(page.locator(".petition-progress__count strong")).to_have_text(after)


def test_an_organiser_writes_a_petition_and_a_moderator_approves_it_in_the_admin(
    live_server, home_page, browser, sign_in
):
    # The campaign index brings back the editors' groups and the approval workflow a live server's flush removed.
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page), title="Recall conference")

    organiser = sign_in(browser.new_context().new_page(), roles.ORGANISERS)
    organiser.goto(f"{live_server.url}/admin/pages/{campaign.pk}/")
    organiser.get_by_role("link", name="Add child page").first.click()
    organiser.get_by_role("link", name=re.compile(r"^Petition\b")).click()
    organiser.get_by_role("textbox", name="Title*").fill(TITLE)
    organiser.get_by_role("textbox", name="Ask*").fill("Recall Labour's conference and let the members decide.")
    organiser.get_by_role("spinbutton", name="Goal*").fill("5000")
    organiser.get_by_role("button", name="More actions").click()
    organiser.get_by_role("button", name=f"Submit to {roles.CAMPAIGN_WORKFLOW}").click()
    expect(organiser.get_by_text(re.compile(f"Page '{TITLE}' created and submitted for moderation"))).to_be_visible()
    petition = PetitionPage.objects.get(title=TITLE)
    assert not petition.live

    moderator = sign_in(browser.new_context().new_page(), roles.MODERATORS)
    moderator.goto(f"{live_server.url}/admin/pages/{petition.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    # Back in the campaign's listing: the page is live. Publishing runs the workflow's steps and may take a while on
    # a loaded machine, so this waits longer than Playwright's five seconds.
    expect(moderator.get_by_role("link", name="Current page status: live")).to_be_visible(timeout=20_000)
    assert PetitionPage.objects.filter(pk=petition.pk, live=True, goal=5000).exists()

    visitor = browser.new_context().new_page()
    visitor.goto(live_server.url + petition.url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_role("button", name="Sign the petition")).to_be_visible()


def test_the_hand_in_list_prints_the_names_without_the_admin_around_them(live_server, home_page, browser, sign_in):
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page), title="Recall conference")
    petition = PetitionPageFactory(parent=campaign, title=TITLE)
    add_confirmed_signatures(petition, 2)
    Signature.objects.filter(name="Signer 0").update(name_review=NameReview.SHOWN)

    manager = sign_in(browser.new_context().new_page(), roles.SUPPORTER_DATA)
    manager.goto(f"{live_server.url}/admin/petitions/signature/hand-in/{petition.pk}/")
    names = manager.locator(".hand-in-names")
    expect(names).to_contain_text("Signer 0")
    menu = manager.locator("#wagtail-sidebar .sidebar")
    header = manager.get_by_role("heading", name=re.compile("^Hand-in list"), level=1)
    expect(menu).to_be_visible()
    expect(header).to_be_visible()

    manager.emulate_media(media="print")
    expect(menu).to_be_hidden()
    expect(header).to_be_hidden()
    expect(manager.get_by_text("Print this page from your browser")).to_be_hidden()
    expect(names).to_be_visible()
    expect(manager.get_by_role("heading", name=TITLE, level=2)).to_be_visible()
