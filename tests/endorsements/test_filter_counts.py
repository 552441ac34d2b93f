"""The endorsements page's filters: each count says what its link shows with the other filter kept, a choice that
would show nothing is not a link, and kinds read as people write them ("Groups of MPs")."""

import pytest
from bs4 import BeautifulSoup

from endorsements.models import OrganisationKind, Region
from tests.factories import OrganisationFactory


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def filter_items(page, heading):
    group = page.find("h2", string=heading).find_parent(class_="organisation-filters__group")
    return {item.get_text(strip=True): item.find("a") for item in group.select("li")}


@pytest.fixture
def organisations(endorsements):
    OrganisationFactory(name="Unite", kind=OrganisationKind.TRADE_UNION, region=Region.UK_WIDE)
    OrganisationFactory(name="FBU", kind=OrganisationKind.TRADE_UNION, region=Region.UK_WIDE)
    OrganisationFactory(name="RMT", kind=OrganisationKind.TRADE_UNION, region=Region.SCOTLAND)
    OrganisationFactory(name="Hackney Left", kind=OrganisationKind.LEFT_GROUP, region=Region.LONDON)
    OrganisationFactory(name="Camden Mutual Aid", kind=OrganisationKind.MUTUAL_AID, region=Region.LONDON)
    OrganisationFactory(name="Socialist Campaign Group", kind=OrganisationKind.MPS_GROUP, region=Region.UK_WIDE)


@pytest.mark.django_db
def test_region_counts_follow_the_chosen_kind(client, organisations):
    page = soup(client.get("/endorsements/?kind=trade_union"))
    regions = filter_items(page, "By region")
    assert "UK-wide (2)" in regions and "Scotland (1)" in regions
    # No trade union in London: the choice is shown, counted 0, and is not a link to an empty page.
    assert regions["London (0)"] is None
    assert regions["UK-wide (2)"]["href"] == "?region=uk&kind=trade_union"


@pytest.mark.django_db
def test_kind_counts_follow_the_chosen_region(client, organisations):
    page = soup(client.get("/endorsements/?region=london"))
    kinds = filter_items(page, "By kind")
    assert kinds["Constituency parties and left groups (1)"] is not None
    assert kinds["Mutual-aid networks (1)"] is not None
    assert kinds["Trade unions (0)"] is None
    assert kinds["Groups of MPs (0)"] is None
    # The headline count is every listed organisation, whatever is chosen.
    assert page.select_one(".organisation-counts strong").get_text() == "6 organisations"


@pytest.mark.django_db
def test_every_offered_link_shows_what_its_count_says(client, organisations):
    for start in ["", "?kind=trade_union", "?region=london", "?kind=mps_group"]:
        page = soup(client.get(f"/endorsements/{start}"))
        for link in page.select(".organisation-filters a:not([aria-current])"):
            label = link.get_text(strip=True)
            if "(" not in label:
                continue  # "Every kind" and "Everywhere"
            expected = int(label.rsplit("(", 1)[1].rstrip(")"))
            shown = soup(client.get(f"/endorsements/{link['href']}")).select(".organisation-wall__item")
            assert len(shown) == expected > 0, f"{label} from /endorsements/{start}"


@pytest.mark.django_db
def test_groups_of_mps_are_named_as_people_write_them(client, organisations):
    page = soup(client.get("/endorsements/"))
    assert "Groups of MPs (1)" in filter_items(page, "By kind")
    headings = [heading.get_text(" ", strip=True) for heading in page.select(".organisation-group h2")]
    assert "Groups of MPs (1)" in headings
    status = soup(client.get("/endorsements/?kind=mps_group")).select_one("[role=status]").get_text(" ", strip=True)
    assert status == "Showing 1 of 6 organisations: groups of MPs."
    assert "mps" not in client.get("/endorsements/").content.decode().replace("mps_group", "")
