"""Names signers asked to show reach the petition's public list only once a moderator lets them; moderators see the
name, the petition and the date, nothing else of a signature."""

from unittest import mock

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from petitions.models import NameReview, Signature
from tests.utils import caching
from website import roles

REVIEW = "/admin/petitions/names/"
REVIEWERS = {roles.MODERATORS, roles.ADMINISTRATORS}


def sign(petition, name, email, **fields):
    fields = {"show_name": True, "confirmed_at": timezone.now(), **fields}
    return Signature.objects.create(petition=petition, name=name, email=email, **fields)


def public_page(petition):
    return Client().get(petition.url).content.decode()


@pytest.mark.django_db
def test_a_name_shows_only_once_a_moderator_lets_it_and_goes_when_kept_off(petition, group_member):
    moderator, _ = group_member(roles.MODERATORS)
    rosa = sign(petition, "Rosa Luxembourg", "rosa@example.org", postcode="L1 8JQ")
    assert "Rosa Luxembourg" not in public_page(petition)

    listing = moderator.get(REVIEW).content.decode()
    assert "Rosa Luxembourg" in listing and petition.title in listing
    assert "rosa@example.org" not in listing and "L1 8JQ" not in listing

    response = moderator.post(f"{REVIEW}?status=pending", {"decision": "shown", "signature": [rosa.pk]})
    assert response.status_code == 302
    rosa.refresh_from_db()
    assert rosa.name_review == NameReview.SHOWN
    assert "Rosa Luxembourg" in public_page(petition)
    assert "Rosa Luxembourg" not in moderator.get(REVIEW).content.decode()  # no longer waiting
    assert "Rosa Luxembourg" in moderator.get(REVIEW, {"status": "shown"}).content.decode()

    moderator.post(f"{REVIEW}?status=shown", {"decision": "hidden", "signature": [rosa.pk]})
    assert "Rosa Luxembourg" not in public_page(petition)


@pytest.mark.django_db
def test_every_name_on_the_page_shows_at_once_and_a_slur_can_be_kept_off_first(petition, group_member):
    moderator, _ = group_member(roles.MODERATORS)
    names = [sign(petition, f"Signer {n}", f"signer-{n}@example.org") for n in range(3)]
    abuse = sign(petition, "Something vile", "troll@example.org")
    moderator.post(REVIEW, {"decision": "hidden", "signature": [abuse.pk]})
    listed = [signature.pk for signature in names]
    moderator.post(REVIEW, {"decision": "shown-page", "listed": listed})
    html = public_page(petition)
    assert all(f"Signer {n}" in html for n in range(3)) and "Something vile" not in html
    abuse.refresh_from_db()
    assert abuse.name_review == NameReview.HIDDEN


@pytest.mark.django_db
def test_names_not_offered_unconfirmed_or_erased_are_never_reviewed_or_shown(petition, group_member):
    moderator, _ = group_member(roles.MODERATORS)
    private = sign(petition, "Kept Private", "private@example.org", show_name=False)
    unconfirmed = sign(petition, "Not Yet", "later@example.org", confirmed_at=None)
    erased = sign(petition, "", None)
    listing = moderator.get(REVIEW).content.decode()
    assert "Kept Private" not in listing and "Not Yet" not in listing
    moderator.post(REVIEW, {"decision": "shown", "signature": [private.pk, unconfirmed.pk, erased.pk]})
    assert not Signature.objects.filter(name_review=NameReview.SHOWN).exists()
    assert "Kept Private" not in public_page(petition) and "Not Yet" not in public_page(petition)


@pytest.mark.django_db
def test_a_decision_without_a_ticked_name_says_so(petition, group_member):
    moderator, _ = group_member(roles.MODERATORS)
    response = moderator.post(REVIEW, {"decision": "shown"}, follow=True)
    assert "Tick at least one name" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("group", sorted(roles.GROUPS))
def test_only_moderators_and_administrators_review_names(group, petition, group_member):
    client, _ = group_member(group)
    signature = sign(petition, "Rosa Luxembourg", "rosa@example.org")
    menu = client.get("/admin/").content.decode()
    if group in REVIEWERS:
        assert client.get(REVIEW).status_code == 200 and REVIEW in menu
        return
    refused = client.get(REVIEW)
    # Wagtail's admin answers a refusal by sending a signed-in editor back to the dashboard.
    assert refused.status_code == 403 or refused["Location"] == "/admin/"
    assert REVIEW not in menu and "Rosa Luxembourg" not in refused.content.decode()
    client.post(REVIEW, {"decision": "shown", "signature": [signature.pk]})
    signature.refresh_from_db()
    assert signature.name_review == NameReview.PENDING


@pytest.mark.django_db
def test_a_stranger_is_sent_to_sign_in(petition):
    response = Client().get(REVIEW)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
@override_settings(
    WAGTAILFRONTENDCACHE={"proxy": {"BACKEND": "website.purge.PurgingProxy", "LOCATION": "http://127.0.0.1:1"}}
)
def test_a_decision_reaches_the_kept_page_and_the_proxy_at_once(
    client, petition, group_member, django_capture_on_commit_callbacks
):
    moderator, _ = group_member(roles.MODERATORS)
    rosa = sign(petition, "Rosa Luxembourg", "rosa@example.org")
    with caching(PAGE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=120):
        assert "Rosa Luxembourg" not in client.get(petition.url).content.decode()
        assert client.get(petition.url)["X-Page-Cache"] == "hit"
        with (
            mock.patch("website.purge.purge_urls_from_cache") as purge,
            django_capture_on_commit_callbacks(execute=True),
        ):
            moderator.post(REVIEW, {"decision": "shown", "signature": [rosa.pk]})
        assert "Rosa Luxembourg" in client.get(petition.url).content.decode()
    assert petition.get_full_url() in purge.call_args.args[0]
