import re

from django.core import mail
from playwright.sync_api import expect

from petitions import demo
from petitions.models import PetitionPage


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
