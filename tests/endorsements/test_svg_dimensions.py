"""SVG logos are measured in whole pixels: browsers reject `width="160.0"` and `srcset="… 160.0w"`."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.endorsements.factories import svg_logo_image
from tests.factories import OrganisationFactory
from website.models import SiteImage

DECIMAL = re.compile(r"\d\.\d")


@pytest.mark.django_db
def test_svg_logo_width_height_and_srcset_are_whole_numbers(client, endorsements):
    OrganisationFactory(name="Vector Union", logo=svg_logo_image(), show_logo=True)
    # The first visit makes the renditions (kept in memory as Willow measured them), the second reads them back.
    for _visit in range(2):
        image = BeautifulSoup(client.get("/endorsements/").content, "html.parser").select_one(
            ".organisation-wall__link img"
        )
        assert image["width"] == "160" and image["height"] == "80"
        assert not DECIMAL.search(image["srcset"]), image["srcset"]
        assert image["srcset"].endswith(" 320w")


@pytest.mark.django_db
def test_an_uploaded_svg_is_measured_in_whole_pixels(root_collection):
    image = svg_logo_image()
    assert (image.width, image.height) == (480, 240)
    assert isinstance(image.width, int)
    assert SiteImage.objects.get(pk=image.pk).width == 480
