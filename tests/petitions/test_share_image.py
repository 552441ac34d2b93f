"""The share image: a real PNG per count, drawn on the server, cacheable, and the page's og:image."""

import io
import re

import pytest
from PIL import Image

from petitions.share_image import count_text, draw_share_image
from petitions.share_views import look_of
from tests.petitions.factories import add_confirmed_signatures


def og_image(html):
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


@pytest.mark.django_db
def test_the_petitions_og_image_is_its_share_image_at_the_current_count(client, petition):
    add_confirmed_signatures(petition, 3)
    url = og_image(client.get(petition.url).content.decode())
    assert url == f"http://testserver/petitions/{petition.pk}/share-3-{look_of(petition)}.png"


@pytest.mark.django_db
def test_the_share_image_is_a_real_png_drawn_with_the_title_and_count_and_kept_for_good(client, petition):
    add_confirmed_signatures(petition, 3)
    response = client.get(f"/petitions/{petition.pk}/share-3-{look_of(petition)}.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"] and "public" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    # Exactly the drawing of this title at this count: another count draws another image.
    assert response.content == draw_share_image(petition.title, 3, petition.goal)
    assert response.content != draw_share_image(petition.title, 4, petition.goal)
    assert count_text(3) == "3 people have signed" and count_text(1234) == "1,234 people have signed"


@pytest.mark.django_db
def test_an_older_counts_address_sends_on_to_the_current_image(client, petition):
    add_confirmed_signatures(petition, 3)
    current = f"/petitions/{petition.pk}/share-3-{look_of(petition)}.png"
    response = client.get(f"/petitions/{petition.pk}/share-999-{look_of(petition)}.png")
    assert response.status_code == 302 and response["Location"] == current


@pytest.mark.django_db
def test_a_new_title_or_goal_gives_the_image_a_new_address(client, petition):
    """The image is kept for a year: an edit to what it draws must change its address, not hide behind it."""
    add_confirmed_signatures(petition, 3)
    before = og_image(client.get(petition.url).content.decode())
    petition.title = "Recall conference, now"
    petition.save_revision().publish()
    after = og_image(client.get(petition.url).content.decode())
    assert after != before and after.endswith(f"/share-3-{look_of(petition)}.png")
    stale = client.get(before.removeprefix("http://testserver"))
    assert stale.status_code == 302 and after.endswith(stale["Location"])
    petition.goal += 100
    petition.save_revision().publish()
    assert og_image(client.get(petition.url).content.decode()) != after


@pytest.mark.django_db
def test_no_share_image_for_a_petition_not_live(client, petition):
    petition.unpublish()
    assert client.get(f"/petitions/{petition.pk}/share-0-{look_of(petition)}.png").status_code == 404
