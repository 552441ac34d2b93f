"""docs/editors.md describes the screens as they are: where reordering the organisations is found and how the
keyboard saves it; the dashboard's review buttons."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import OrganisationFactory
from tests.website.utils import GUIDE

ORGANISATIONS = "/admin/snippets/endorsements/organisation/"


def section(heading):
    return GUIDE.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


@pytest.mark.django_db
def test_reordering_the_wall_is_where_the_guide_says(admin_client):
    OrganisationFactory(name="Unite")
    OrganisationFactory(name="FBU")
    guide = section("Reorder the wall of organisations")
    assert "*⋯*" in guide and "*Sort item order*" in guide
    page = BeautifulSoup(admin_client.get(ORGANISATIONS).content, "html.parser")
    # No handles until the editor asks for them...
    assert not page.select(".w-orderable__item__handle")
    sort = next((link for link in page.select("a") if link.get_text(strip=True) == "Sort item order"), None)
    assert sort is not None, "no 'Sort item order' on the organisations listing"
    # ...behind the header's "⋯" menu, as the guide says.
    assert sort.find_parent(attrs={"data-controller": "w-dropdown"}) is not None
    ordering = BeautifulSoup(admin_client.get(sort["href"]).content, "html.parser")
    handles = ordering.select(".w-orderable__item__handle")
    assert len(handles) == 2


@pytest.mark.django_db
def test_keyboard_moves_save_on_enter_as_the_guide_says(admin_client):
    OrganisationFactory(name="Unite")
    guide = section("Reorder the wall of organisations")
    assert "up and down arrow keys" in guide and "**Enter** to save" in guide
    handle = BeautifulSoup(admin_client.get(f"{ORGANISATIONS}?ordering=sort_order").content, "html.parser").select_one(
        ".w-orderable__item__handle"
    )
    actions = handle["data-action"].split()
    assert "keydown.up->w-orderable#up:prevent" in actions and "keydown.down->w-orderable#down:prevent" in actions
    assert "keydown.enter->w-orderable#apply" in actions


def test_the_guide_no_longer_says_to_drag_the_listing_rows_outright():
    assert "Drag the rows of the listing" not in GUIDE
