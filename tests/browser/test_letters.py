"""In a real browser: a visitor signs an open letter and confirms; a moderator approves the signatory, who then shows
on the letter (axe finds nothing on the letter page)."""

import re

from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from letters.models import Signatory
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.letters.factories import OpenLetterPageFactory
from website import roles

TITLE = "Let the members decide"
PASSWORD = "a-strong-password-for-tests"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")


def test_a_visitor_signs_confirms_and_shows_once_a_moderator_approves(
    live_server, home_page, browser, assert_accessible, django_user_model
):
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page), title="Recall conference")

    # Written and approved in the admin by the non-browser tests (tests/letters/test_letter_page.py).
    letter = OpenLetterPageFactory(parent=campaign, title=TITLE, addressee="Labour's National Executive Committee")

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

    # A moderator approves the signatory in the admin.
    moderator = django_user_model.objects.create_user("moderator", "moderator@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    moderator_page = browser.new_context().new_page()
    log_in(moderator_page, live_server, "moderator")
    moderator_page.goto(f"{live_server.url}/admin/letters/signatory/?status=pending")
    moderator_page.get_by_role("link", name="Approve or reject").first.click()
    moderator_page.get_by_role("button", name="Approve", exact=True).click()
    expect(moderator_page.get_by_text("Rosa Parks is approved and now shows on")).to_be_visible()

    # The signatory shows on the letter.
    visitor.goto(f"{live_server.url}{letter.url}")
    expect(visitor.get_by_text("Rosa Parks", exact=True)).to_be_visible()
    expect(visitor.get_by_role("heading", name="Signed by 1 person")).to_be_visible()
    assert_accessible(visitor)
