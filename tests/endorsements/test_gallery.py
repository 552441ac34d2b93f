"""Visitors see the wall of organisations: on the endorsements page, filtered by kind and region, and on any page."""

import itertools

import pytest
from bs4 import BeautifulSoup

from endorsements.models import Organisation, OrganisationKind, Region
from endorsements.queries import listed_organisations
from home.models import HomePage
from tests.endorsements.factories import OrganisationWithLogoFactory, png_logo_image, svg_logo_image
from tests.factories import OrganisationFactory
from tests.utils import assert_flat_query_budget, assert_no_inline_code


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def gallery_block(**value):
    return ("endorsements", {"heading": "Supported by", "show": "all", "kind": "", "organisations": [], **value})


@pytest.mark.django_db
def test_visitor_sees_every_listed_organisation_with_counts(client, endorsements):
    OrganisationWithLogoFactory(name="Unite", kind=OrganisationKind.TRADE_UNION)
    OrganisationWithLogoFactory(name="Fire Brigades Union", kind=OrganisationKind.TRADE_UNION)
    OrganisationFactory(name="Leeds Branch", kind=OrganisationKind.UNION_BRANCH, region=Region.YORKSHIRE)
    OrganisationFactory(name="Hidden Group", kind=OrganisationKind.CAMPAIGN_GROUP, listed=False)
    response = client.get("/endorsements/")
    page = soup(response)
    counts = page.select_one(".organisation-counts").get_text(" ", strip=True)
    assert counts == "3 organisations : 2 trade unions, 1 union branch."
    assert [heading.get_text(" ", strip=True) for heading in page.select(".organisation-group h2")] == [
        "Trade unions (2)",
        "Union branches (1)",
    ]
    assert "Hidden Group" not in response.content.decode()
    assert_no_inline_code(response.content.decode())


@pytest.mark.django_db
def test_logo_has_the_name_as_alt_text_a_link_sizes_and_modern_formats(client, endorsements):
    OrganisationWithLogoFactory(name="Unite", website="https://www.unitetheunion.org/")
    page = soup(client.get("/endorsements/"))
    link = page.select_one(".organisation-wall__link")
    assert link["href"] == "https://www.unitetheunion.org/"
    image = link.select_one("img")
    assert image["alt"] == "Unite"
    assert image["width"] == "160" and image["height"] == "80"
    assert image["loading"] == "lazy"
    assert "320w" in image["srcset"]
    assert {source["type"] for source in link.select("source")} == {"image/avif", "image/webp"}


@pytest.mark.django_db
def test_svg_logo_stays_svg(client, endorsements):
    OrganisationFactory(name="Vector Union", logo=svg_logo_image(), show_logo=True)
    image = soup(client.get("/endorsements/")).select_one(".organisation-wall__link img")
    assert image["src"].endswith(".svg")
    assert image["alt"] == "Vector Union"


@pytest.mark.django_db
def test_logo_without_consent_shows_the_name_instead(client, endorsements):
    OrganisationFactory(name="Shy Group", logo=png_logo_image(), show_logo=False, website="")
    item = soup(client.get("/endorsements/")).select_one(".organisation-wall__item")
    assert item.select_one("img") is None
    assert item.get_text(strip=True) == "Shy Group"
    assert item.select_one("a") is None


@pytest.mark.django_db
def test_filter_links_narrow_by_kind_and_region_without_javascript(client, endorsements):
    OrganisationFactory(name="Unite", kind=OrganisationKind.TRADE_UNION, region=Region.UK_WIDE)
    OrganisationFactory(name="Leeds Branch", kind=OrganisationKind.UNION_BRANCH, region=Region.YORKSHIRE)
    OrganisationFactory(name="London Branch", kind=OrganisationKind.UNION_BRANCH, region=Region.LONDON)
    page = soup(client.get("/endorsements/"))
    branch_link = page.find("a", string="Union branches (2)")
    page = soup(client.get("/endorsements/" + branch_link["href"]))
    names = [item.get_text(strip=True) for item in page.select(".organisation-wall__item")]
    assert names == ["Leeds Branch", "London Branch"]
    london_link = page.find("a", string="London (1)")
    assert london_link["href"] == "?region=london&kind=union_branch"
    page = soup(client.get("/endorsements/" + london_link["href"]))
    assert [item.get_text(strip=True) for item in page.select(".organisation-wall__item")] == ["London Branch"]
    assert "Showing 1 of 3 organisations" in page.select_one("[role=status]").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?kind=nonsense", "?region=%3Cscript%3E", "?kind=&region=", "?page=abc"])
def test_unknown_filters_show_everything(client, endorsements, query):
    OrganisationFactory(name="Unite")
    response = client.get(f"/endorsements/{query}")
    assert "Unite" in soup(response).select_one(".organisation-wall").get_text()
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_editors_order_is_the_gallerys_order(client, endorsements):
    for name, position in (("Second", 2), ("First", 1), ("Third", 3)):
        OrganisationFactory(name=name, sort_order=position)
    page = soup(client.get("/endorsements/"))
    assert [item.get_text(strip=True) for item in page.select(".organisation-wall__item")] == [
        "First",
        "Second",
        "Third",
    ]


@pytest.mark.django_db
def test_gallery_page_costs_the_same_queries_for_10_or_300_organisations(client, endorsements):
    logos = itertools.cycle([png_logo_image("A union"), png_logo_image("B union"), svg_logo_image()])
    kinds = itertools.cycle(OrganisationKind.values)

    def add_organisations(count):
        for _ in range(count):
            OrganisationFactory(logo=next(logos), show_logo=True, kind=next(kinds))

    assert_flat_query_budget(client, "/endorsements/", add_organisations, budget=15, sizes=(10, 300))


@pytest.mark.django_db
def test_home_page_gallery_costs_the_same_queries_for_10_or_300_organisations(client, home_page, endorsements):
    home_page.body = [gallery_block()]
    home_page.save_revision().publish()
    logos = itertools.cycle([png_logo_image("A union"), svg_logo_image()])

    def add_organisations(count):
        for _ in range(count):
            OrganisationFactory(logo=next(logos), show_logo=True)

    assert_flat_query_budget(client, "/", add_organisations, budget=16, sizes=(10, 300))


@pytest.mark.django_db
def test_gallery_block_shows_one_kind_or_a_hand_picked_set(client, home_page, endorsements):
    unite = OrganisationWithLogoFactory(name="Unite", kind=OrganisationKind.TRADE_UNION)
    momentum = OrganisationFactory(name="Momentum", kind=OrganisationKind.CAMPAIGN_GROUP)
    hidden = OrganisationFactory(name="Hidden", kind=OrganisationKind.CAMPAIGN_GROUP, listed=False)
    home_page.body = [
        gallery_block(heading="Campaign groups", show="kind", kind=OrganisationKind.CAMPAIGN_GROUP),
        gallery_block(heading="Picked", show="chosen", organisations=[momentum, hidden, unite]),
    ]
    home_page.save_revision().publish()
    html = soup(client.get("/"))
    campaign_wall, picked_wall = html.select(".organisation-gallery")
    assert [item.get_text(strip=True) for item in campaign_wall.select(".organisation-wall__item")] == ["Momentum"]
    picked = [item.get_text(strip=True) or item.img["alt"] for item in picked_wall.select(".organisation-wall__item")]
    assert picked == ["Momentum", "Unite"]
    assert campaign_wall.find("a", string="See every organisation backing the network")["href"] == "/endorsements/"


@pytest.mark.django_db
def test_demo_puts_the_logo_wall_after_the_statement_and_the_sign_up_box_on_the_home_page(client, demo_site):
    body_types = [block.block_type for block in HomePage.objects.get().body]
    assert body_types.index("call_to_action") == body_types.index("hero") + 1
    assert body_types.index("endorsements") > body_types.index("call_to_action")
    page = soup(client.get("/"))
    wall = page.select_one(".organisation-gallery")
    alts = {image["alt"] for image in wall.select("img")}
    assert {"Unite", "Fire Brigades Union (FBU)", "Momentum", "Young Labour"} <= alts
    assert "Labour4Clause4" in wall.get_text()  # listed without its logo
    assert Organisation.objects.count() >= 12
    response = client.get("/endorsements/")
    assert response.status_code == 200
    assert_no_inline_code(response.content.decode())


@pytest.mark.django_db
def test_listed_organisations_prefetches_logos_and_renditions(django_assert_num_queries):
    for _ in range(5):
        OrganisationWithLogoFactory()
    OrganisationFactory(listed=False)
    with django_assert_num_queries(3):
        organisations = list(listed_organisations())
        assert all(organisation.logo.title for organisation in organisations)
        assert all(hasattr(organisation.logo, "prefetched_renditions") for organisation in organisations)
    assert len(organisations) == 5
