"""Pictures: AVIF and WebP for browsers that take them, a fallback for the rest, several widths, their size given
(no layout shift), lazy below the fold but not the hero; SVG logos stay SVG."""

import io
import random

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from PIL import Image
from wagtail.models import Page

from campaigns.models import CampaignBacker, CampaignIndexPage, CampaignPage
from tests.endorsements.factories import svg_logo_image
from tests.factories import ImageFactory, OrganisationFactory, StandardPageFactory
from website.images import set_avif_encoder_speed

pytestmark = pytest.mark.django_db


def picture_in(html, selector="picture"):
    picture = BeautifulSoup(html, "html.parser").select_one(selector)
    assert picture is not None, html[:2000]
    return picture


def source_types(picture):
    return [source["type"] for source in picture.find_all("source")]


def assert_sized(img):
    # Wagtail gives an SVG its drawing's own (possibly fractional) size.
    assert float(img["width"]) > 0 and float(img["height"]) > 0, img


def test_an_image_block_is_a_picture_in_avif_and_webp_with_a_jpeg_fallback_and_its_size(client, home_page):
    image = ImageFactory(title="Marchers on the bridge", file__width=2400, file__height=1600)
    page = StandardPageFactory(parent=home_page, body=[("image", {"image": image, "caption": "The march"})])
    html = client.get(page.url).content.decode()
    picture = picture_in(html, ".block-image picture")
    assert source_types(picture) == ["image/avif", "image/webp"]
    for source in picture.find_all("source"):
        # Several widths for each format: the browser picks what the screen needs.
        assert [candidate.split()[-1] for candidate in source["srcset"].split(", ")] == ["400w", "800w", "1200w"]
        assert source["sizes"]
    img = picture.img
    assert img["src"].endswith(".jpg")
    assert_sized(img)
    assert img["loading"] == "lazy"


def test_the_hero_picture_loads_at_once(client, home_page):
    image = ImageFactory(file__width=2400, file__height=1200)
    campaign = home_page.add_child(instance=CampaignPage(title="Recall", slug="recall", hero_image=image))
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    picture = picture_in(html, ".campaign__hero picture")
    assert source_types(picture) == ["image/avif", "image/webp"]
    assert_sized(picture.img)
    # Above the fold: fetched first, never deferred.
    assert "loading" not in picture.img.attrs and picture.img["fetchpriority"] == "high"


def test_campaign_cards_offer_avif_too(client, home_page):
    index = home_page.add_child(instance=CampaignIndexPage(title="Campaigns", slug="campaigns"))
    index.save_revision().publish()
    campaign = index.add_child(instance=CampaignPage(title="Recall", slug="recall", hero_image=ImageFactory()))
    campaign.save_revision().publish()
    picture = picture_in(client.get(index.url).content.decode(), ".campaign-card__image picture")
    assert source_types(picture) == ["image/avif", "image/webp"]
    assert_sized(picture.img)
    assert picture.img["loading"] == "lazy"


def test_backers_logos_are_pictures_and_svg_logos_stay_svg(client, home_page):
    raster = OrganisationFactory(name="Unite", logo=ImageFactory(title="Unite logo"), show_logo=True)
    vector = OrganisationFactory(name="Vector union", logo=svg_logo_image(), show_logo=True)
    campaign = CampaignPage(title="Recall", slug="recall")
    campaign.backers = [CampaignBacker(organisation=raster), CampaignBacker(organisation=vector)]
    home_page.add_child(instance=campaign)
    campaign.save_revision().publish()
    html = BeautifulSoup(client.get(campaign.url).content.decode(), "html.parser")
    logos = {img["alt"]: img for img in html.select("img.backer__logo")}
    assert set(logos) == {"Unite", "Vector union"}
    unite = logos["Unite"].find_parent("picture")
    assert source_types(unite) == ["image/avif", "image/webp"]
    assert logos["Unite"]["src"].endswith(".png")
    # An SVG cannot be converted: served as itself, with no raster sources.
    assert logos["Vector union"]["src"].endswith(".svg")
    vector_picture = logos["Vector union"].find_parent("picture")
    assert vector_picture is None or source_types(vector_picture) == []
    for img in logos.values():
        assert_sized(img)
        assert img["loading"] == "lazy"


def test_every_picture_of_the_demo_site_has_its_size(client, demo_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        for img in BeautifulSoup(response.content.decode(), "html.parser").find_all("img"):
            assert img.get("width") and img.get("height"), f"{page.url}: {img}"


def encoded_avif():
    """The same 320x180 picture (a seeded noise, so every call has the same pixels) encoded as AVIF with whatever
    handler is registered: (bytes, the format read back)."""
    pixels = random.Random(7).randbytes(320 * 180 * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (320, 180), pixels).save(out, "AVIF")
    out.seek(0)
    return out.getvalue(), Image.open(out).format


def test_the_avif_speed_setting_reaches_the_encoder_and_none_restores_pillows_default():
    seen = []
    try:
        set_avif_encoder_speed(None)
        pillows_default, _ = encoded_avif()
        assert encoded_avif()[0] == pillows_default  # the same pixels at the same speed: the same bytes
        set_avif_encoder_speed(10)
        wrapped = Image.SAVE["AVIF"]

        def spy(image, file, name):
            # What the encoder was handed, read once the wrapped handler has run.
            wrapped(image, file, name)
            seen.append(image.encoderinfo.get("speed"))

        Image.register_save("AVIF", spy)
        fast, fmt = encoded_avif()
        assert seen == [10] and fmt == "AVIF"
        # Speed changes the encoder's choices, so the same pixels come out as different bytes.
        assert fast != pillows_default
        Image.register_save("AVIF", wrapped)
        set_avif_encoder_speed(10)  # Set twice, it still wraps Pillow's handler once, not itself.
        assert Image.SAVE["AVIF"].encodes_at_default_speed is wrapped.encodes_at_default_speed
        set_avif_encoder_speed(None)
        assert not hasattr(Image.SAVE["AVIF"], "encodes_at_default_speed")
        assert encoded_avif()[0] == pillows_default
    finally:
        # As the test settings have it, for the tests after this one, whatever failed above.
        set_avif_encoder_speed(settings.AVIF_ENCODER_SPEED)
