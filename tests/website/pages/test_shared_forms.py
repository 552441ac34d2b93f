"""Forms on pages the caches share: no token on the page, one fetched by JavaScript, and without JavaScript the
post comes back filled in to send again, saving nothing (website/shared_forms.py)."""

import pytest
from django.test import Client

from campaigns.models import Registration
from endorsements.models import EndorsementRequest
from signup.demo import sign_up_page
from signup.models import Supporter
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory
from tests.campaigns.utils import PERSON
from tests.endorsements.factories import endorsements_page
from tests.endorsements.utils import ASK_URL
from tests.endorsements.utils import form_data as request_data
from tests.signup.utils import form_data as signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """A visitor whose posts Django checks for a CSRF token, as every real one is."""
    return Client(enforce_csrf_checks=True)


def test_the_token_comes_from_a_small_answer_no_cache_keeps(browser):
    response = browser.get("/forms/token/")
    assert response.status_code == 200 and len(response.json()["token"]) >= 32
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.cookies["csrftoken"].value


def test_a_post_with_a_fetched_token_signs_up(browser, home_page):
    page = sign_up_page(home_page, lambda message: None)
    form = browser.get(page.url)
    assert "csrfmiddlewaretoken" not in form.content.decode()
    token = browser.get("/forms/token/").json()["token"]
    response = browser.post(page.url, {**signup_data(page), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Supporter.objects.filter(email__iexact="rosa@example.org").exists()


def test_without_javascript_the_sign_up_comes_back_filled_in_and_then_goes(browser, home_page):
    page = sign_up_page(home_page, lambda message: None)
    sent = signup_data(page)
    back = browser.post(page.url, sent)
    html = back.content.decode()
    assert back.status_code == 200
    assert Supporter.objects.count() == 0
    assert "Nothing is sent yet" in html and f'value="{sent["name"]}"' in html
    assert "no-store" in back["Cache-Control"]
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert browser.post(page.url, {**sent, "csrfmiddlewaretoken": token}).status_code == 302
    assert Supporter.objects.count() == 1


def test_without_javascript_a_registration_and_a_request_come_back_and_save_nothing(browser, home_page):
    rally = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Rally")
    endorsements_page(home_page)
    back = browser.post(rally.url, PERSON)
    assert back.status_code == 200 and "Nothing is sent yet" in back.content.decode()
    assert Registration.objects.count() == 0
    back = browser.post(ASK_URL, request_data())
    assert back.status_code == 200 and "Nothing is sent yet" in back.content.decode()
    assert EndorsementRequest.objects.count() == 0


def test_any_other_post_without_a_token_is_refused(browser, home_page):
    assert browser.post("/", {"anything": "1"}).status_code == 403
    assert browser.post("/admin/login/", {"username": "a", "password": "b"}).status_code == 403
