"""Moderators approve or reject signatories in the admin; only approved ones show; every admin view is guarded."""

import csv
import io
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from letters.choices import SignatoryStatus
from letters.models import Signatory
from tests.letters.factories import SignatoryFactory
from tests.utils import caching
from website import roles

INDEX = "/admin/letters/signatory/"


def review_url(signatory):
    return f"{INDEX}review/{signatory.pk}/"


def admin_views(signatory):
    """Every admin address that shows a signatory's details."""
    return [
        INDEX,
        f"{INDEX}?status=pending",
        f"{INDEX}?export=csv",
        f"{INDEX}inspect/{signatory.pk}/",
        review_url(signatory),
    ]


@pytest.fixture
def waiting(letter):
    return SignatoryFactory(letter=letter, name="Rosa Parks", email="rosa@example.org", status=SignatoryStatus.PENDING)


def not_allowed(response):
    return response.status_code == 403 or (response.status_code == 302 and "/login/" not in response["Location"])


@pytest.mark.django_db
def test_a_moderator_sees_the_waiting_list_and_approves_in_plain_sight(
    client, letter, waiting, group_member, django_capture_on_commit_callbacks
):
    moderator, user = group_member(roles.MODERATORS)
    listing = moderator.get(f"{INDEX}?status=pending").content.decode()
    assert "Rosa Parks" in listing and review_url(waiting) in listing and "Approve or reject" in listing
    assert "Rosa Parks" in moderator.get("/admin/").content.decode()  # the dashboard's panel
    assert "Rosa Parks" not in client.get(letter.url).content.decode()

    page = moderator.get(review_url(waiting)).content.decode()
    assert 'value="approve"' in page and 'value="reject"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(review_url(waiting), {"decision": "approve"}, follow=True)
    assert "is approved and now shows on" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == SignatoryStatus.APPROVED and waiting.reviewed_by == user
    html = client.get(letter.url).content.decode()
    assert "Rosa Parks" in html and "Signed by 1 person" in html


@pytest.mark.django_db
def test_a_rejected_signatory_never_shows(client, letter, waiting, group_member):
    moderator, _ = group_member(roles.MODERATORS)
    response = moderator.post(review_url(waiting), {"decision": "reject"}, follow=True)
    assert "is rejected" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == SignatoryStatus.REJECTED
    assert "Rosa Parks" not in client.get(letter.url).content.decode()


@pytest.mark.django_db
def test_unapproved_signatories_never_show_whatever_their_state(client, letter):
    for status in (SignatoryStatus.UNCONFIRMED, SignatoryStatus.PENDING, SignatoryStatus.REJECTED):
        SignatoryFactory(letter=letter, name=f"Hidden {status}", status=status)
    SignatoryFactory(letter=letter, name="Shown person", status=SignatoryStatus.APPROVED)
    html = client.get(letter.url).content.decode()
    assert "Hidden" not in html and "Shown person" in html


@pytest.mark.django_db
def test_an_unconfirmed_signatory_cannot_be_approved(letter, group_member):
    unconfirmed = SignatoryFactory(letter=letter, status=SignatoryStatus.UNCONFIRMED, confirmed_at=None)
    moderator, _ = group_member(roles.MODERATORS)
    assert 'value="approve"' not in moderator.get(review_url(unconfirmed)).content.decode()
    moderator.post(review_url(unconfirmed), {"decision": "approve"})
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == SignatoryStatus.UNCONFIRMED


@pytest.mark.django_db
def test_approving_makes_the_cached_letter_show_the_new_name(
    client, letter, waiting, group_member, django_capture_on_commit_callbacks
):
    moderator, _ = group_member(roles.MODERATORS)
    with caching(PAGE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=120):
        assert "Rosa Parks" not in client.get(letter.url).content.decode()
        assert client.get(letter.url)["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            moderator.post(review_url(waiting), {"decision": "approve"})
        html = client.get(letter.url).content.decode()
    assert "Rosa Parks" in html


@pytest.mark.django_db
@override_settings(
    WAGTAILFRONTENDCACHE={"proxy": {"BACKEND": "website.purge.PurgingProxy", "LOCATION": "http://127.0.0.1:1"}}
)
def test_approving_purges_the_letter_from_the_proxy(letter, waiting, group_member, django_capture_on_commit_callbacks):
    moderator, _ = group_member(roles.MODERATORS)
    with (
        mock.patch("website.purge.purge_urls_from_cache") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        moderator.post(review_url(waiting), {"decision": "approve"})
    purge.assert_called_once()
    assert letter.get_full_url() in purge.call_args.args[0]


@pytest.mark.django_db
@pytest.mark.parametrize("group", [*roles.GROUPS, None])
def test_every_admin_view_of_a_signatory_checks_its_permission(letter, waiting, group_member, group):
    client, _ = group_member(group)
    may_view = group in (roles.MODERATORS, roles.ADMINISTRATORS, roles.SUPPORTER_DATA)
    may_review = group in (roles.MODERATORS, roles.ADMINISTRATORS)
    may_export = group == roles.SUPPORTER_DATA
    for url in admin_views(waiting):
        response = client.get(url)
        allowed = may_review if url == review_url(waiting) else may_export if "export" in url else may_view
        if allowed:
            assert response.status_code == 200, (group, url)
        else:
            assert not_allowed(response), (group, url, response.status_code)
    # Nobody edits, adds or deletes what a person typed.
    for url in (f"{INDEX}edit/{waiting.pk}/", f"{INDEX}create/", f"{INDEX}delete/{waiting.pk}/"):
        assert client.get(url).status_code != 200, (group, url)
    before = waiting.status
    client.post(review_url(waiting), {"decision": "approve"})
    waiting.refresh_from_db()
    assert (waiting.status == SignatoryStatus.APPROVED) == may_review
    waiting.status = before
    waiting.save()


@pytest.mark.django_db
@pytest.mark.parametrize("group", [roles.MODERATORS, roles.ADMINISTRATORS])
def test_reviewers_see_the_name_role_and_organisation_but_never_the_address(letter, waiting, group_member, group):
    """Reviewing a public name needs the name, role and organisation; the address, the consent and whether they
    want updates are supporters' data: not shown, not searchable, not exported."""
    client, _ = group_member(group)
    waiting.consent_text = "[x] Keep me updated"
    waiting.save()
    for url in (INDEX, f"{INDEX}inspect/{waiting.pk}/", review_url(waiting)):
        html = client.get(url).content.decode()
        assert "Rosa Parks" in html, url
        assert "rosa@example.org" not in html and "Keep me updated" not in html, url
    assert "Rosa Parks" not in client.get(INDEX, {"q": "rosa@example.org"}).content.decode()
    assert "export=csv" not in client.get(INDEX).content.decode()
    assert not_allowed(client.get(f"{INDEX}?export=xlsx"))

    manager, _ = group_member(roles.SUPPORTER_DATA)
    assert "rosa@example.org" in manager.get(f"{INDEX}inspect/{waiting.pk}/").content.decode()
    assert "Rosa Parks" in manager.get(INDEX, {"q": "rosa@example.org"}).content.decode()


@pytest.mark.django_db
def test_supporter_data_managers_export_confirmed_signatories_formula_safe(letter, group_member):
    SignatoryFactory(letter=letter, name='=HYPERLINK("http://evil")', status=SignatoryStatus.APPROVED)
    SignatoryFactory(letter=letter, name="Never confirmed", status=SignatoryStatus.UNCONFIRMED)
    client, _ = group_member(roles.SUPPORTER_DATA)
    response = client.get(f"{INDEX}?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    names = [row["Name"] for row in rows]
    assert names == ['\'=HYPERLINK("http://evil")']


@pytest.mark.django_db
def test_the_moderators_list_filters_by_status_and_letter(letter, group_member):
    SignatoryFactory(letter=letter, name="Approved one", status=SignatoryStatus.APPROVED, reviewed_at=timezone.now())
    SignatoryFactory(letter=letter, name="Waiting one", status=SignatoryStatus.PENDING)
    moderator, _ = group_member(roles.MODERATORS)
    html = moderator.get(f"{INDEX}?status=pending&letter={letter.pk}").content.decode()
    assert "Waiting one" in html and "Approved one" not in html
    assert Signatory.objects.count() == 2
