"""#18: the demo's home page shows a selection of organisations editors chose (the seed's), with a link to the full
list, not a wall of every organisation; more organisations change neither what it shows nor what it costs."""

import pytest
from bs4 import BeautifulSoup

from endorsements.demo import ORGANISATIONS
from home.models import HomePage
from tests.factories import OrganisationFactory
from tests.utils import assert_flat_query_budget


def gallery_names(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    gallery = page.select_one(".organisation-gallery")
    return gallery, [item.get_text(" ", strip=True) for item in gallery.select(".organisation-wall > li")]


@pytest.mark.django_db
def test_the_demos_home_gallery_is_the_seeds_selection_with_a_link_to_all(client, demo_site):
    [section] = [block for block in HomePage.objects.get().body if block.block_type == "endorsements"]
    assert section.value["show"] == "chosen"
    assert [organisation.name for organisation in section.value["organisations"]] == [
        name for name, *_ in ORGANISATIONS
    ]
    gallery, before = gallery_names(client)
    assert len(before) == len(ORGANISATIONS)
    assert gallery.select_one('a[href="/endorsements/"]').get_text(strip=True) == (
        "See every organisation backing the network"
    )
    OrganisationFactory.create_batch(40, listed=True)
    assert gallery_names(client)[1] == before


@pytest.mark.django_db
def test_the_demos_home_page_costs_the_same_with_10_or_300_more_organisations(client, demo_site):
    def add_organisations(count):
        OrganisationFactory.create_batch(count, listed=True)

    # +2 for the petition section's live key (the petition shown and its count), read before the fragment cache is
    # asked; fragments are off here, so the section is also rendered. With them on (production) it is all it costs.
    assert_flat_query_budget(client, "/", add_organisations, budget=47, sizes=(10, 300))
