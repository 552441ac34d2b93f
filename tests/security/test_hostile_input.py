"""Arbitrary text, markup and control characters thrown at every visitor-facing field: no 500, nothing unescaped.

Each form's fields get hostile values together; wherever the input comes back (the form shown again, the thank-you
page, the editors' inspect view, their CSV export, the e-mails sent) it is escaped, and nothing fails.
"""

from urllib.parse import quote

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from campaigns.models import CampaignIndexPage, EventIndexPage, Registration
from endorsements.models import EndorsementRequest, EndorsementsPage, OrganisationKind, Region
from news.models import NewsIndexPage
from signup.models import Supporter, SupporterStatus
from tests.security.utils import PAYLOADS, assert_handled, assert_safe_export, assert_safe_mail, hostile_text

HOSTILE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
hostile_email = st.one_of(st.emails(), hostile_text, st.sampled_from(PAYLOADS).map(lambda p: f"{p}@example.org"))


def fresh_start(model):
    """Each example starts from an empty table and unspent limits: hypothesis runs them in one transaction."""
    cache.clear()
    mail.outbox.clear()
    model.objects.all().delete()


def assert_shown_safely(client, admin_client, response, sent, inspect_url, export_url):
    assert_handled(response, sent)
    event("accepted" if response.status_code == 302 else f"answered {response.status_code}")
    if response.status_code == 302:
        assert_handled(client.get(response["Location"]), sent)
    if inspect_url:
        assert_handled(admin_client.get(inspect_url), sent)
    assert_safe_export(admin_client.get(export_url, {"export": "csv"}))
    assert_safe_mail(mail.outbox, sent)


@pytest.mark.django_db
@HOSTILE
@given(query=hostile_text, page=hostile_text, kind=hostile_text)
# An unbalanced double quote once broke SQLite's full-text syntax; PostgreSQL refuses NUL characters.
@example(query='" OR 1=1 --', page="abc", kind="")
@example(query="nul\x00byte", page="\x00", kind="\x00")
def test_search(client, site, query, page, kind):
    assert_handled(client.get("/search/", {"q": query, "page": page, "kind": kind}), query + kind)


@pytest.mark.django_db
@HOSTILE
@given(
    name=hostile_text,
    email=hostile_email,
    postcode=hostile_text,
    membership=hostile_text,
    interest=st.one_of(st.just("Campaigns"), hostile_text),
    consent_version=st.one_of(st.none(), hostile_text),
)
@example(
    name="<script>alert('x')</script>",
    email="rosa@example.org",
    postcode="",
    membership='"><img src=x onerror=alert(1)>',
    interest="Campaigns",
    consent_version=None,
)
@example(
    name="=cmd|' /C calc'!A0",
    email="o'brien+left@example.org",
    postcode="sw1a 1aa",
    membership="@SUM(1)",
    interest="Campaigns",
    consent_version=None,
)
@example(name="nul\x00", email="nul\x00@example.org", postcode="\x00", membership="\x00", interest="\x00",
         consent_version="\x00")  # fmt: skip
def test_sign_up(client, admin_client, signup_page, name, email, postcode, membership, interest, consent_version):
    fresh_start(Supporter)
    data = {
        "name": name,
        "email": email,
        "postcode": postcode,
        "membership": membership,
        "interests": [interest],
        "email_updates": "on",
        "data_consent": "on",
        "consent_version": signup_page.consent_version if consent_version is None else consent_version,
        "nickname": "",
    }
    response = client.post(signup_page.url, data)
    # Confirmed, so the record is in the export too (it lists only people who confirmed).
    Supporter.objects.update(status=SupporterStatus.CONFIRMED, confirmed_at=timezone.now())
    supporter = Supporter.objects.first()
    inspect_url = supporter and f"/admin/signup/supporter/inspect/{supporter.pk}/"
    sent = name + email + postcode + membership + interest + (consent_version or "")
    assert_shown_safely(client, admin_client, response, sent, inspect_url, "/admin/signup/supporter/")
    if response.status_code == 302:
        assert supporter is not None


@pytest.mark.django_db
@HOSTILE
@given(
    name=hostile_text,
    email=hostile_email,
    postcode=hostile_text,
    organisation=hostile_text,
    accessibility_needs=hostile_text,
)
@example(
    name="<script>alert('x')</script>",
    email="rebecca@example.org",
    postcode="",
    organisation='"><img src=x onerror=alert(1)>',
    accessibility_needs="<svg/onload=alert(1)>",
)
@example(
    name="=cmd|' /C calc'!A0",
    email="o'brien+left@example.org",
    postcode="",
    organisation="+1",
    accessibility_needs="-2 @SUM(1)\r\nBcc: victim@example.org",
)
@example(name="nul\x00", email="nul\x00@example.org", postcode="\x00", organisation="\x00",
         accessibility_needs="\x00")  # fmt: skip
def test_event_registration(client, admin_client, rally, name, email, postcode, organisation, accessibility_needs):
    fresh_start(Registration)
    data = {
        "name": name,
        "email": email,
        "postcode": postcode,
        "organisation": organisation,
        "accessibility_needs": accessibility_needs,
        "nickname": "",
    }
    response = client.post(rally.url, data)
    registration = Registration.objects.first()
    inspect_url = registration and f"/admin/campaigns/registration/inspect/{registration.pk}/"
    sent = name + email + postcode + organisation + accessibility_needs
    assert_shown_safely(client, admin_client, response, sent, inspect_url, "/admin/campaigns/registration/")
    if response.status_code == 302:
        assert registration is not None and [message.to for message in mail.outbox] == [[registration.email]]


@pytest.mark.django_db
@HOSTILE
@given(
    name=hostile_text,
    # Valid half the time, so that some examples get past the choices into the saved record.
    kind=st.one_of(st.sampled_from(OrganisationKind.values), hostile_text),
    region=st.one_of(st.sampled_from(Region.values), hostile_text),
    website=st.one_of(st.just(""), hostile_text),
    contact_name=hostile_text,
    contact_email=st.one_of(st.just("sam@example.org"), hostile_email),
    statement=hostile_text,
)
@example(
    name="=cmd|' /C calc'!A0",
    kind=OrganisationKind.UNION_BRANCH,
    region=Region.YORKSHIRE,
    website="https://example.org/?q=\"'&x=1",
    contact_name="@SUM(1)",
    contact_email="o'brien+left@example.org",
    statement="-2 \"quoted\" & 'single' 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
)
@example(name="nul\x00", kind="\x00", region="\x00", website="\x00", contact_name="\x00",
         contact_email="nul\x00@example.org", statement="\x00")  # fmt: skip
def test_endorsement_request(
    client, admin_client, endorsements, name, kind, region, website, contact_name, contact_email, statement
):
    fresh_start(EndorsementRequest)
    data = {
        "name": name,
        "kind": kind,
        "region": region,
        "website": website,
        "contact_name": contact_name,
        "contact_email": contact_email,
        "statement": statement,
        "consent_logo": "on",
        "consent_contact": "on",
        "nickname": "",
    }
    response = client.post(endorsements.url + endorsements.reverse_subpage("ask"), data)
    request = EndorsementRequest.objects.first()
    inspect_url = request and f"/admin/endorsements/endorsementrequest/inspect/{request.pk}/"
    sent = name + kind + region + website + contact_name + contact_email + statement
    assert_shown_safely(client, admin_client, response, sent, inspect_url, "/admin/endorsements/endorsementrequest/")


LISTING_PARAMETERS = ["page", "kind", "topic", "status", "region", "campaign", "per", "fragment"]


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.integers(min_value=0), parameter=st.sampled_from(LISTING_PARAMETERS), value=hostile_text)
@example(where=0, parameter="page", value="99999999999999999999999")
@example(where=0, parameter="campaign", value="1 OR 1=1")
def test_listing_filters_and_page_numbers(client, demo_site, where, parameter, value):
    """The query strings visitors (and crawlers) put on the listing pages: filters, page numbers, the ask form."""
    endorsements = EndorsementsPage.objects.live().first()
    urls = [
        *(model.objects.live().first().url for model in (CampaignIndexPage, EventIndexPage, NewsIndexPage)),
        endorsements.url,
        endorsements.url + endorsements.reverse_subpage("ask"),
        "/social/",
    ]
    assert_handled(client.get(urls[where % len(urls)], {parameter: value}), value)


@pytest.mark.django_db
@HOSTILE
@given(token=hostile_text)
@example(token="../../admin")
def test_confirmation_and_unsubscribe_links(client, signup_page, token):
    for kind in ("confirm", "unsubscribe"):
        assert_handled(client.get(f"/signup/{kind}/{quote(token, safe='')}/"), token)
    assert_handled(client.post(f"/signup/unsubscribe/{quote(token, safe='')}/"), token)


@pytest.mark.django_db
@HOSTILE
@given(username=hostile_text, password=hostile_text, next_url=hostile_text)
@example(username="admin\x00", password="\x00", next_url="javascript:alert(1)")
def test_admin_sign_in(client, username, password, next_url):
    response = client.post("/admin/login/", {"username": username, "password": password, "next": next_url})
    assert_handled(response, username + next_url)
    assert response.status_code == 200  # the form again: nobody signed in, and no redirect to `next`
