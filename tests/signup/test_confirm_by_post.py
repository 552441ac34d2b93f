"""Opening an e-mailed link changes nothing (mail scanners open them all): a page with one button, and the button's
POST acts. Mail programs still unsubscribe with RFC 8058's one-click POST, which carries no CSRF token."""

import pytest
from django.core import mail
from django.test import Client

from signup.models import Supporter, SupporterStatus
from tests.signup.utils import link_in, sign_up


def csrf_token_of(response):
    return response.context["csrf_token"]


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("link_name", "button", "after"),
    [
        ("confirm", "Confirm my sign-up", SupporterStatus.CONFIRMED),
        ("unsubscribe", "Unsubscribe", SupporterStatus.UNSUBSCRIBED),
    ],
)
def test_opening_a_link_only_asks_and_the_button_acts(client, signup_page, link_name, button, after):
    sign_up(client, signup_page)
    link = link_in(mail.outbox[0], link_name)
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link)
    assert page.status_code == 200 and button in page.content.decode()
    assert_never_cached(page)
    assert browser.head(link).status_code == 200
    assert Supporter.objects.get().status == SupporterStatus.PENDING
    # A POST without the page's token is refused; with it, the button acts.
    assert Client(enforce_csrf_checks=True).post(link).status_code == 403
    assert Supporter.objects.get().status == SupporterStatus.PENDING
    assert browser.post(link, {"csrfmiddlewaretoken": csrf_token_of(page)}).status_code == 200
    assert Supporter.objects.get().status == after


@pytest.mark.django_db
def test_a_mail_programs_one_click_post_unsubscribes_without_a_token(client, signup_page):
    sign_up(client, signup_page)
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = link_in(message, "unsubscribe")
    response = Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Supporter.objects.get().status == SupporterStatus.UNSUBSCRIBED


@pytest.mark.django_db
def test_after_unsubscribing_the_old_confirmation_link_says_so_and_offers_to_sign_up_again(client, signup_page):
    sign_up(client, signup_page)
    confirm_link = link_in(mail.outbox[0], "confirm")
    client.post(link_in(mail.outbox[0], "unsubscribe"))
    assert Supporter.objects.get().status == SupporterStatus.UNSUBSCRIBED
    for method in (client.get, client.post):
        html = method(confirm_link).content.decode()
        assert "This address has been unsubscribed" in html
        assert "newer e-mail" not in html
        assert f'href="{signup_page.url}">Sign up again</a>' in html
    assert Supporter.objects.get().status == SupporterStatus.UNSUBSCRIBED
