"""Editors' paths: an organiser's petition goes through the campaign approval; supporter data managers alone
export signatures (formula-safe, confirmed, consented fields only) and print the hand-in list."""

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from petitions.models import NameReview, PetitionPage, Signature
from petitions.signatures import add_to_count
from tests.campaigns.factories import EventIndexPageFactory
from tests.petitions.factories import PetitionPageFactory, add_confirmed_signatures
from website import roles
from website.personal_data import registered

SIGNATURES = "/admin/petitions/signature/"
EDITORS_WITHOUT_SUPPORTER_DATA = [
    roles.PRESS_OFFICERS,
    roles.ORGANISERS,
    roles.ENDORSEMENTS_EDITORS,
    roles.MODERATORS,
    roles.ADMINISTRATORS,
]


def not_allowed(response):
    return response.status_code == 403 or (response.status_code == 302 and "/login/" not in response["Location"])


def petition_form(title, action="action-submit"):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "target": "Labour's National Executive Committee",
            "ask": "Recall conference now.",
            "why": rich_text("<p>Let the members decide.</p>"),
            "goal": "5000",
            "closes_on": "",
            "closed": "",
            "hand_in_on": "",
            "data_consent_text": "I agree that you keep my signature.",
            "updates_consent_text": "Keep me updated.",
            "listing_summary": "",
            "listing_image": "",
            "comments": inline_formset([]),
            action: action,
        }
    )


@pytest.mark.django_db
def test_an_organisers_petition_waits_for_a_moderator_who_approves_it(campaign, group_member):
    organiser, _ = group_member(roles.ORGANISERS)
    moderator, moderator_user = group_member(roles.MODERATORS)
    mail.outbox.clear()
    response = organiser.post(
        f"/admin/pages/add/petitions/petitionpage/{campaign.pk}/", petition_form("Recall conference now")
    )
    assert response.status_code == 302
    petition = PetitionPage.objects.get(title="Recall conference now")
    assert not petition.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(petition.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == roles.CAMPAIGN_WORKFLOW
    assert any(moderator_user.email in message.to for message in mail.outbox)

    moderator.post(f"/admin/pages/workflow/action/{petition.pk}/approve/{state.current_task_state.pk}/", {})
    petition.refresh_from_db()
    assert petition.live
    assert Client().get(petition.url).status_code == 200


@pytest.mark.django_db
def test_a_petition_goes_under_a_campaign_or_on_its_own_under_the_home_page(home_page, campaign, admin_client):
    assert admin_client.get(f"/admin/pages/add/petitions/petitionpage/{campaign.pk}/").status_code == 200
    response = admin_client.post(
        f"/admin/pages/add/petitions/petitionpage/{home_page.pk}/",
        petition_form("Save our libraries", action="action-publish"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    petition = PetitionPage.objects.get(title="Save our libraries")
    assert petition.live and petition.get_parent().pk == home_page.pk
    html = Client().get(petition.url).content.decode()
    assert "Recall conference now." in html and 'name="email"' in html
    # Nowhere else: not inside another section.
    events = EventIndexPageFactory(parent=home_page)
    assert not PetitionPage.can_exist_under(events) and not PetitionPage.can_exist_under(petition)


@pytest.mark.django_db
def test_a_petition_under_the_home_page_goes_through_campaign_approval(home_page, group_member):
    """Made on its own, a petition gets the campaign approval workflow too, not Wagtail's default."""
    _, organiser = group_member(roles.ORGANISERS)
    petition = PetitionPageFactory(parent=home_page, title="A petition of its own", live=False)
    assert petition.get_workflow().name == roles.CAMPAIGN_WORKFLOW
    petition.save_revision(user=organiser)
    state = petition.get_workflow().start(petition, organiser)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and petition.workflow_in_progress


@pytest.fixture
def signatures(petition):
    add_confirmed_signatures(petition, 2)
    Signature.objects.create(
        petition=petition,
        name='=HYPERLINK("http://evil.example")',
        email="formula@example.org",
        keep_updated=True,
        show_name=True,
        confirmed_at=timezone.now(),
    )
    add_to_count(petition.pk)
    Signature.objects.create(petition=petition, name="Not Yet Confirmed", email="pending@example.org")
    return petition


@pytest.mark.django_db
def test_supporter_data_managers_export_confirmed_signatures_formula_safe_with_only_consented_fields(
    signatures, group_member
):
    client, _ = group_member(roles.SUPPORTER_DATA)
    assert client.get(SIGNATURES).status_code == 200
    export = client.get(f"{SIGNATURES}?export=csv")
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK" in csv and "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
    assert "Not Yet Confirmed" not in csv
    # The address only of the one who asked for updates.
    assert "formula@example.org" in csv and "signer-0@example.org" not in csv
    # A real record's address: on PostgreSQL the ids go on from earlier tests, and a missing one answers 404.
    assert not_allowed(client.get(f"{SIGNATURES}edit/{Signature.objects.first().pk}/"))


@pytest.mark.django_db
@pytest.mark.parametrize("group", EDITORS_WITHOUT_SUPPORTER_DATA)
def test_no_other_group_sees_or_exports_signatures(signatures, group_member, group):
    client, _ = group_member(group)
    for url in (SIGNATURES, f"{SIGNATURES}?export=csv", "/admin/petitions/signature/hand-in/"):
        assert not_allowed(client.get(url)), (group, url)
    assert not_allowed(client.get(f"/admin/petitions/signature/hand-in/{signatures.pk}/"))


@pytest.mark.django_db
def test_the_hand_in_list_shows_the_count_and_only_the_names_shown_on_the_petition(signatures, group_member):
    add_confirmed_signatures(signatures, 2, start=2)  # Signer 2 (asked to show) and Signer 3 (did not)
    shown = ["Signer 0", '=HYPERLINK("http://evil.example")']
    Signature.objects.filter(name__in=shown).update(name_review=NameReview.SHOWN)
    Signature.objects.filter(name="Signer 2").update(name_review=NameReview.HIDDEN)
    client, _ = group_member(roles.SUPPORTER_DATA)
    assert signatures.title in client.get("/admin/petitions/signature/hand-in/").content.decode()
    html = client.get(f"/admin/petitions/signature/hand-in/{signatures.pk}/").content.decode()
    assert "<strong>5</strong> confirmed signatures" in html
    # Signer 0 asked to be shown and a moderator showed it; signer 1 did not ask; a moderator kept signer 2 off;
    # the unconfirmed one is not counted.
    assert "Signer 0" in html and "=HYPERLINK" in html  # shown as text, escaped by the template
    assert "Signer 1" not in html and "Signer 2" not in html and "Not Yet Confirmed" not in html
    assert "hand-in-print.css" in html

    Signature.objects.filter(name="Signer 0").update(name_review=NameReview.PENDING)
    html = client.get(f"/admin/petitions/signature/hand-in/{signatures.pk}/").content.decode()
    assert "Signer 0" not in html and "1 more name is waiting for a moderator" in html


@pytest.mark.django_db
def test_signatures_are_in_the_personal_data_registry():
    assert Signature in [entry.model for entry in registered()]
