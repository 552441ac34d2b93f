"""Organisations back a particular campaign: the campaign's link chooses it, approval adds them to its backers."""

import pytest
from bs4 import BeautifulSoup

from endorsements.models import EndorsementRequest, Organisation, RequestStatus
from endorsements.queries import ask_to_endorse_url
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.endorsements.utils import ASK_URL, form_data, png_upload
from tests.factories import OrganisationFactory


@pytest.fixture
def campaign(home_page):
    index = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=index, title="Recall conference")


def review(admin_client, request, capture):
    with capture(execute=True):
        return admin_client.post(
            f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "approve"}
        )


@pytest.mark.django_db
def test_a_campaigns_link_opens_the_form_with_that_campaign_chosen(client, endorsements, campaign):
    url = ask_to_endorse_url(campaign)
    assert url == f"/endorsements/ask/?campaign={campaign.pk}"
    select = BeautifulSoup(client.get(url).content, "html.parser").select_one("select[name=campaign]")
    assert select.select_one("option[selected]").get_text(strip=True) == "Recall conference"
    unchosen = BeautifulSoup(client.get(f"{ASK_URL}?campaign=abc").content, "html.parser")
    assert unchosen.select_one("select[name=campaign] option[selected]").get_text() == "The network as a whole"


@pytest.mark.django_db
def test_approving_adds_a_new_organisation_to_the_campaigns_backers(
    client, admin_client, endorsements, campaign, django_capture_on_commit_callbacks
):
    assert client.post(ASK_URL, {**form_data(campaign=campaign.pk), "logo": png_upload()}).status_code == 302
    request = EndorsementRequest.objects.get()
    assert request.campaign.pk == campaign.pk
    assert review(admin_client, request, django_capture_on_commit_callbacks).status_code == 302
    organisation = Organisation.objects.get(name="Unite Leeds Community Branch")
    campaign.refresh_from_db()
    assert [backer.organisation for backer in campaign.backers.all()] == [organisation]
    assert not campaign.has_unpublished_changes
    assert organisation.listed and organisation.logo is not None


@pytest.mark.django_db
def test_a_listed_organisation_backs_a_further_campaign_without_a_second_logo(
    client, admin_client, endorsements, campaign, django_capture_on_commit_callbacks
):
    unite = OrganisationFactory(name="Unite")
    refused = client.post(ASK_URL, form_data(name="Unite"))
    assert "already backs the network" in " ".join(refused.context["form"].errors["name"])
    response = client.post(ASK_URL, {**form_data(name="Unite", campaign=campaign.pk), "logo": png_upload()})
    assert response.status_code == 302
    request = EndorsementRequest.objects.get()
    assert not request.logo
    review(admin_client, request, django_capture_on_commit_callbacks)
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED and request.organisation == unite
    assert Organisation.objects.count() == 1
    assert [backer.organisation for backer in campaign.backers.all()] == [unite]
    again = client.post(ASK_URL, form_data(name="Unite", campaign=campaign.pk))
    assert "already backs “Recall conference”" in " ".join(again.context["form"].errors["name"])


@pytest.mark.django_db
def test_a_campaign_with_an_unpublished_draft_gets_its_backer_in_the_draft(
    admin_client, endorsements, campaign, django_capture_on_commit_callbacks
):
    campaign.title = "Recall conference (draft wording)"
    campaign.save_revision()
    unite = OrganisationFactory(name="Unite")
    request = EndorsementRequest.objects.create(
        name="Unite", kind=unite.kind, contact_name="Sam", contact_email="sam@example.org", campaign=campaign
    )
    response = review(admin_client, request, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.title == "Recall conference"  # the editor's draft was not published
    assert list(campaign.backers.all()) == []
    draft = campaign.get_latest_revision_as_object()
    assert draft.title == "Recall conference (draft wording)"
    assert [backer.organisation for backer in draft.backers.all()] == [unite]
