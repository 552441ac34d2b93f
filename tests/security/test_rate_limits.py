"""Each public form takes a bounded number of posts from one address; the next one is told to wait and saves nothing."""

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from wagtail.contrib.search_promotions.models import Query

from campaigns.models import Registration
from endorsements.models import EndorsementRequest
from signup.models import Supporter
from tests.campaigns.utils import PERSON
from tests.endorsements.utils import ASK_URL
from tests.endorsements.utils import form_data as request_data
from tests.signup.utils import form_data as signup_data
from tests.utils import assert_no_inline_code
from website.forms import client_ip

FLOODER = "203.0.113.9"
NEIGHBOUR = "198.51.100.30"


def assert_told_to_wait(response, heading="Please try again later"):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response.get("Cache-Control", "") or "private" in response.get("Cache-Control", "")
    html = response.content.decode()
    assert heading in html
    assert_no_inline_code(html)


@pytest.mark.django_db
@override_settings(SIGNUP_RATE_LIMIT="3/h")
def test_sign_up(client, signup_page):
    def post(number, address):
        return client.post(
            signup_page.url, signup_data(signup_page, email=f"person{number}@example.org"), REMOTE_ADDR=address
        )

    assert [post(number, FLOODER).status_code for number in range(3)] == [302] * 3
    assert_told_to_wait(post(3, FLOODER))
    assert not Supporter.objects.filter(email="person3@example.org").exists()
    assert post(4, NEIGHBOUR).status_code == 302
    assert Supporter.objects.count() == 4


@pytest.mark.django_db
@override_settings(REGISTRATION_RATE_LIMIT="3/h")
def test_event_registration(client, rally):
    def post(number, address):
        return client.post(rally.url, {**PERSON, "email": f"person{number}@example.org"}, REMOTE_ADDR=address)

    assert [post(number, FLOODER).status_code for number in range(3)] == [302] * 3
    assert_told_to_wait(post(3, FLOODER))
    assert not Registration.objects.filter(email="person3@example.org").exists()
    assert post(4, NEIGHBOUR).status_code == 302
    assert Registration.objects.count() == 4


@pytest.mark.django_db
@override_settings(ENDORSEMENT_RATE_LIMIT="3/h")
def test_endorsement_request(client, endorsements):
    def post(number, address):
        return client.post(
            ASK_URL,
            request_data(name=f"Branch {number}", contact_email=f"branch{number}@example.org"),
            REMOTE_ADDR=address,
        )

    assert [post(number, FLOODER).status_code for number in range(3)] == [302] * 3
    assert_told_to_wait(post(3, FLOODER))
    assert not EndorsementRequest.objects.filter(name="Branch 3").exists()
    assert post(4, NEIGHBOUR).status_code == 302
    assert EndorsementRequest.objects.count() == 4


def test_the_limits_per_address_let_hundreds_share_one_address():
    """A union conference or a mobile network puts hundreds of people behind one address in an hour."""
    for name in ("SIGNUP_RATE_LIMIT", "REGISTRATION_RATE_LIMIT", "ENDORSEMENT_RATE_LIMIT"):
        count, period = getattr(settings, name).split("/")
        assert period == "h" and int(count) >= 200, name


@pytest.mark.django_db
@override_settings(SIGNUP_EMAIL_RATE_LIMIT="2/h", REGISTRATION_EMAIL_RATE_LIMIT="2/h")
def test_one_email_address_is_limited_from_any_number_of_client_addresses(client, signup_page, rally):
    """Each post e-mails the address it gives: the same address, however many machines send it, is limited."""

    def sign_up(number, email="Rosa@Example.org"):
        return client.post(signup_page.url, signup_data(signup_page, email=email), REMOTE_ADDR=f"192.0.2.{number}")

    def register(number, email="rosa@example.org "):
        return client.post(rally.url, {**PERSON, "email": email}, REMOTE_ADDR=f"192.0.2.{number}")

    assert [sign_up(number).status_code for number in range(2)] == [302, 302]
    assert_told_to_wait(sign_up(2, email="rosa@example.org"))
    assert sign_up(3, email="clara@example.org").status_code == 302
    assert register(1).status_code == 302
    register(2)  # already registered: the form says so, and it counts
    assert_told_to_wait(register(3, email="ROSA@example.org"))
    assert register(4, email="clara@example.org").status_code == 302


@pytest.mark.django_db
@override_settings(ENDORSEMENT_EMAIL_RATE_LIMIT="2/h")
def test_one_contact_address_is_limited_on_endorsement_requests(client, endorsements):
    def post(number, email="Branch@example.org"):
        return client.post(
            ASK_URL, request_data(name=f"Branch {number}", contact_email=email), REMOTE_ADDR=f"192.0.2.{number}"
        )

    assert [post(number).status_code for number in range(2)] == [302, 302]
    assert_told_to_wait(post(2, email="branch@example.org"))
    assert post(3, email="other@example.org").status_code == 302
    assert EndorsementRequest.objects.count() == 3


@pytest.mark.django_db
@override_settings(SEARCH_RATE_LIMIT="5/m")
def test_search(client, site):
    def search(words, address):
        return client.get("/search/", {"q": words}, REMOTE_ADDR=address)

    assert [search(f"rally {number}", FLOODER).status_code for number in range(5)] == [200] * 5
    refused = search("one too many", FLOODER)
    assert_told_to_wait(refused, heading="Please search again in a minute")
    assert refused["Retry-After"] == "60"
    # Refused before it ran: not even counted among the site's popular searches.
    assert not Query.objects.filter(query_string="one too many").exists()
    # The empty search page costs nothing and stays open; other addresses search on.
    assert client.get("/search/", REMOTE_ADDR=FLOODER).status_code == 200
    assert search("rally", NEIGHBOUR).status_code == 200


PROXY = "10.0.0.2"


@pytest.mark.django_db
@override_settings(SIGNUP_RATE_LIMIT="2/h", TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_visitor_is_counted_by_their_own_address(client, signup_page):
    def post(number, forwarded_for):
        data = signup_data(signup_page, email=f"person{number}@example.org")
        return client.post(signup_page.url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)

    assert [post(number, FLOODER).status_code for number in range(2)] == [302, 302]
    assert post(2, FLOODER).status_code == 429
    # Someone else reaching the site through the same proxy is not held up by the flood.
    assert post(3, NEIGHBOUR).status_code == 302
    # Nor can the flooder start afresh by writing another address in front of the one the proxy added.
    assert post(4, f"192.0.2.77, {FLOODER}").status_code == 429
    assert Supporter.objects.count() == 3


def test_the_address_counted_is_the_one_the_trusted_proxies_saw():

    factory = RequestFactory()

    def address(forwarded=None, proxies=0):
        headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
        with override_settings(TRUSTED_PROXY_COUNT=proxies):
            return client_ip(factory.get("/", REMOTE_ADDR=PROXY, **headers))

    assert address("203.0.113.9") == PROXY  # no trusted proxy: the header is anyone's to write
    assert address("203.0.113.9", proxies=1) == "203.0.113.9"
    assert address("192.0.2.1, 203.0.113.9", proxies=1) == "203.0.113.9"
    assert address("192.0.2.1, 203.0.113.9, 10.0.0.1", proxies=2) == "203.0.113.9"
    assert address("2001:db8::1", proxies=1) == "2001:db8::1"
    # Missing, short or garbled: the connection's own address, never a 500.
    assert address(proxies=1) == PROXY
    assert address("203.0.113.9", proxies=2) == PROXY
    assert address("not-an-address", proxies=1) == PROXY
