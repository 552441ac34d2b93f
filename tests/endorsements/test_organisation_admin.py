import pytest
from bs4 import BeautifulSoup

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


ORGANISATIONS = "/admin/snippets/endorsements/organisation/"


def listed_names(client):
    page = BeautifulSoup(client.get("/endorsements/").content, "html.parser")
    return [item.get_text(strip=True) for item in page.select(".organisation-wall__item")]


@pytest.mark.django_db
def test_editor_reorders_organisations_and_the_gallery_follows(admin_client, client, endorsements):
    first, second, third = (OrganisationFactory(name=name) for name in ("First", "Second", "Third"))
    assert [first.sort_order, second.sort_order, third.sort_order] == [0, 1, 2]
    listing = admin_client.get(ORGANISATIONS, {"ordering": "sort_order"}).content.decode()
    assert f"{ORGANISATIONS}reorder/999999/" in listing  # the drag handles and keyboard move buttons' target
    response = admin_client.post(f"{ORGANISATIONS}reorder/{third.pk}/?position=0")
    assert response.status_code == 200
    assert listed_names(client) == ["Third", "First", "Second"]


@pytest.mark.django_db
def test_editor_hides_an_organisation_from_every_gallery(admin_client, client, endorsements):
    organisation = OrganisationFactory(name="Momentum", kind=OrganisationKind.CAMPAIGN_GROUP)
    assert listed_names(client) == ["Momentum"]
    response = admin_client.post(
        f"{ORGANISATIONS}edit/{organisation.pk}/",
        {
            "name": "Momentum",
            "kind": OrganisationKind.CAMPAIGN_GROUP,
            "region": Region.UK_WIDE,
            "website": "",
            "logo": "",
            "date_endorsed": "",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert not organisation.listed
    assert listed_names(client) == []


@pytest.mark.django_db
def test_editors_search_organisations_in_the_admin(admin_client):
    """Runs on SQLite and PostgreSQL alike (modelsearch#47: a viewset's own search_fields crash on SQLite)."""
    OrganisationFactory(name="Fire Brigades Union", kind=OrganisationKind.TRADE_UNION)
    OrganisationFactory(name="Momentum", kind=OrganisationKind.CAMPAIGN_GROUP)
    response = admin_client.get(ORGANISATIONS, {"q": "Brigades"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fire Brigades Union" in html and "Momentum" not in html
    response = admin_client.get(ORGANISATIONS, {"q": "Mome", "kind": "campaign_group"})
    assert response.status_code == 200
    assert "Momentum" in response.content.decode()


@pytest.mark.django_db
def test_editors_filter_organisations_by_region(admin_client):
    OrganisationFactory(name="Leeds Branch", region=Region.YORKSHIRE)
    OrganisationFactory(name="Glasgow Left", region=Region.SCOTLAND)
    html = admin_client.get(ORGANISATIONS, {"region": "scotland"}).content.decode()
    assert "Glasgow Left" in html and "Leeds Branch" not in html


@pytest.mark.django_db
def test_editors_see_where_an_organisation_is_used(admin_client, home_page):
    organisation = OrganisationFactory(name="Unite")
    home_page.body = [
        (
            "endorsements",
            {"heading": "", "show": "chosen", "kind": "", "organisations": [organisation], "show_link": False},
        )
    ]
    home_page.save_revision().publish()
    html = admin_client.get(f"{ORGANISATIONS}usage/{organisation.pk}/").content.decode()
    assert home_page.title in html
