"""Over-long input gets a form error, never a database error: PostgreSQL refuses what SQLite would silently keep."""

import pytest

from campaigns.models import Registration
from endorsements.models import EndorsementRequest
from signup.models import Supporter
from tests.campaigns.utils import PERSON
from tests.endorsements.utils import ASK_URL
from tests.endorsements.utils import form_data as request_data
from tests.signup.utils import form_data as signup_data

# A domain of capital dotted Is (İ): a valid address of 250 characters that lower-cases to twice that.
LENGTHENING_EMAIL = "a@" + ("İ" * 60 + ".") * 4 + "org"


def too_long(model, field, extra=1):
    limit = model._meta.get_field(field).max_length
    assert limit, f"{model.__name__}.{field} has no max_length"
    return limit + extra


def long_text(length, field):
    if "email" in field:
        return "a" * (length - len("@example.org")) + "@example.org"
    if field == "website":
        return "https://example.org/" + "a" * (length - len("https://example.org/"))
    return "a" * length


def assert_refused(response, field, model):
    assert response.status_code in (200, 400), response.status_code
    assert field in response.context["form"].errors, response.context["form"].errors
    assert not model.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "email", "postcode", "membership"])
@pytest.mark.parametrize("extra", [1, 100_000])
def test_sign_up(client, signup_page, field, extra):
    value = long_text(too_long(Supporter, field, extra), field)
    assert_refused(client.post(signup_page.url, signup_data(signup_page, **{field: value})), field, Supporter)


@pytest.mark.django_db
def test_a_sign_up_address_that_grows_when_lower_cased_is_refused(client, signup_page):
    assert len(LENGTHENING_EMAIL) <= 254 < len(LENGTHENING_EMAIL.lower())
    assert_refused(client.post(signup_page.url, signup_data(signup_page, email=LENGTHENING_EMAIL)), "email", Supporter)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "email", "postcode", "organisation"])
@pytest.mark.parametrize("extra", [1, 100_000])
def test_event_registration(client, rally, field, extra):
    value = long_text(too_long(Registration, field, extra), field)
    assert_refused(client.post(rally.url, {**PERSON, field: value}), field, Registration)


@pytest.mark.django_db
def test_event_registration_needs_are_bounded(client, rally):
    response = client.post(rally.url, {**PERSON, "accessibility_needs": "a" * 100_000})
    assert_refused(response, "accessibility_needs", Registration)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "website", "contact_name", "contact_email", "statement"])
@pytest.mark.parametrize("extra", [1, 100_000])
def test_endorsement_request(client, endorsements, field, extra):
    value = long_text(too_long(EndorsementRequest, field, extra), field)
    assert_refused(client.post(ASK_URL, request_data(**{field: value})), field, EndorsementRequest)


@pytest.mark.django_db
def test_endorsement_website_without_its_scheme_is_measured_with_it(client, endorsements):
    # "https://" is added to an address typed without it: 195 typed characters become 203 stored ones.
    response = client.post(ASK_URL, request_data(website="example.org/" + "a" * 183))
    assert_refused(response, "website", EndorsementRequest)


@pytest.mark.django_db
def test_search_cuts_an_over_long_query_instead_of_failing(client, site):
    response = client.get("/search/", {"q": "democracy " * 10_000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200
