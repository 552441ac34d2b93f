import json
import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import pytest
from django.core import mail
from playwright.sync_api import expect

from signup.demo import SIGN_UP_SLUG
from signup.models import Supporter, SupporterStatus
from tests.utils import caching


def test_a_visitor_signs_up_confirms_and_is_accessible_throughout(live_server, demo_site, page, assert_accessible):
    page.goto(live_server.url)
    page.get_by_role("link", name="Sign up", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signup and get organised")
    assert_accessible(page)

    page.get_by_role("button", name="Sign up").click()
    # The form first fetches its token (shared-forms.js), then goes: wait for the answer.
    expect(page.get_by_role("alert").get_by_text("without it we cannot keep your sign-up")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your name").fill("Rosa Parks")
    page.get_by_label("E-mail address").fill("rosa@example.org")
    page.get_by_label("Postcode").fill("L1 8JQ")
    page.get_by_role("checkbox", name="Campaigns", exact=True).check()
    page.get_by_label("I agree that the network may hold").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert_accessible(page)

    (message,) = mail.outbox
    confirm_path = re.search(r"https?://[^/\s]+(/signup/confirm/[^\s]+/)", message.body).group(1)
    page.goto(live_server.url + confirm_path)
    # Opening the link (as a mail scanner would) only asks: the button confirms.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your sign-up")
    assert Supporter.objects.get().status == SupporterStatus.PENDING
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my sign-up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are signed up")
    assert Supporter.objects.get().status == SupporterStatus.CONFIRMED


def post_sign_up(base_url, number):
    """One visitor with their own cookies: fetch the form, then send it."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    form = opener.open(f"{base_url}/{SIGN_UP_SLUG}/", timeout=60).read().decode()
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    # The form page is shared by every visitor: its token comes from /forms/token/, as shared-forms.js fetches it.
    fields["csrfmiddlewaretoken"] = json.load(opener.open(f"{base_url}/forms/token/", timeout=60))["token"]
    data = {**fields, "name": f"Supporter {number}", "email": f"supporter{number}@example.org", "data_consent": "on"}
    request = urllib.request.Request(f"{base_url}/{SIGN_UP_SLUG}/", data=urllib.parse.urlencode(data).encode())  # noqa: S310
    with opener.open(request, timeout=60) as response:
        return response.status, response.geturl()


@pytest.mark.django_db(transaction=True)
def test_200_sign_ups_sent_at_once_all_land_exactly_once(live_server, demo_site, settings):
    settings.SIGNUP_RATE_LIMIT = "1000/h"
    # As on a launch day, the form page comes from the page cache: the posts are what this test loads the server with.
    with caching(PAGE_CACHE_ENABLED=True), ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda number: post_sign_up(live_server.url, number), range(200)))

    assert all(status == 200 and url.endswith("/thanks/") for status, url in outcomes), outcomes
    emails = list(Supporter.objects.values_list("email", flat=True))
    assert len(emails) == 200
    assert set(emails) == {f"supporter{number}@example.org" for number in range(200)}
    assert len(mail.outbox) == 200
