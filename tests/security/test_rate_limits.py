"""Each public form takes a bounded number of posts from one address; the next one is told to wait and saves nothing."""

import pytest
from django.test import override_settings

from campaigns.models import Registration
from endorsements.models import EndorsementRequest
from signup.models import Supporter
from tests.campaigns.test_registration import PERSON
from tests.endorsements.test_requests import ASK_URL
from tests.endorsements.test_requests import form_data as request_data
from tests.signup.test_signup import form_data as signup_data
from tests.utils import assert_no_inline_code

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
def test_event_registration(client, rally):
    from campaigns.views import REGISTRATION_RATE

    allowed = int(REGISTRATION_RATE.split("/")[0])

    def post(number, address):
        return client.post(rally.url, {**PERSON, "email": f"person{number}@example.org"}, REMOTE_ADDR=address)

    assert [post(number, FLOODER).status_code for number in range(allowed)] == [302] * allowed
    assert_told_to_wait(post(allowed, FLOODER))
    assert not Registration.objects.filter(email=f"person{allowed}@example.org").exists()
    assert post(allowed + 1, NEIGHBOUR).status_code == 302
    assert Registration.objects.count() == allowed + 1


@pytest.mark.django_db
def test_endorsement_request(client, endorsements):
    from endorsements.views import REQUEST_RATE

    allowed = int(REQUEST_RATE.split("/")[0])

    def post(number, address):
        return client.post(ASK_URL, request_data(name=f"Branch {number}"), REMOTE_ADDR=address)

    assert [post(number, FLOODER).status_code for number in range(allowed)] == [302] * allowed
    assert_told_to_wait(post(allowed, FLOODER))
    assert not EndorsementRequest.objects.filter(name=f"Branch {allowed}").exists()
    assert post(allowed + 1, NEIGHBOUR).status_code == 302
    assert EndorsementRequest.objects.count() == allowed + 1


@pytest.mark.django_db
@override_settings(SEARCH_RATE_LIMIT="5/m")
def test_search(client, site):
    from wagtail.contrib.search_promotions.models import Query

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
    from django.test import RequestFactory

    from website.forms import client_ip

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
