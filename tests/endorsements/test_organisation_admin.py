import pytest

from endorsements.models import Organisation, OrganisationKind, Region
from tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_editor_adds_an_organisation_through_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/endorsements/organisation/add/",
        {
            "name": "Fire Brigades Union",
            "kind": OrganisationKind.TRADE_UNION,
            "region": Region.UK_WIDE,
            "website": "https://www.fbu.org.uk/",
            "logo": "",
            "show_logo": "on",
            "listed": "on",
            "date_endorsed": "",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Fire Brigades Union")
    assert organisation.show_logo and organisation.listed


@pytest.mark.django_db
def test_editors_filter_organisations_by_kind(admin_client):
    OrganisationFactory(name="Unite", kind=OrganisationKind.TRADE_UNION)
    OrganisationFactory(name="Momentum", kind=OrganisationKind.CAMPAIGN_GROUP)
    html = admin_client.get("/admin/snippets/endorsements/organisation/", {"kind": "campaign_group"}).content.decode()
    assert "Momentum" in html
    assert "Unite" not in html
