"""What campaign and event pages ask of visitors: an action bar near the top, a "Take action" box at the end with
share links that load nothing from the networks; every page's share card has a picture; demo posters and logos."""

import re
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from PIL import Image

from campaigns.models import CampaignPage, EventPage
from endorsements.logos import initials
from news.models import NewsPage
from website import posters
from website.models import SiteImage, SiteSettings
from website.posters import poster_png

pytestmark = pytest.mark.django_db


def soup(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_a_demo_campaign_opens_with_its_action_and_ends_in_all_of_them(client, demo_site):
    campaign = CampaignPage.objects.get(slug="recall-conference")
    html = soup(client, campaign.url)
    bar = html.select_one(".banner .action-bar")
    assert bar.select_one(".button--action").get_text() == "Register"
    assert bar.select_one("a[href='#take-action']") is not None
    box = html.select("main .action-box")[-1]
    assert box["id"] == "take-action"
    hrefs = {link.get_text(strip=True): link["href"] for link in box.select(".action-box__item a")}
    assert hrefs["Register: Come to Rally to reclaim democracy"] == "/events/rally-to-reclaim-democracy/"
    assert hrefs["Sign up: Sign up and get organised"] == "/sign-up/"
    assert hrefs["Back this campaign: Ask your organisation to back it"] == f"/endorsements/ask/?campaign={campaign.pk}"
    share = box.select_one(".share")
    assert share.h2.get_text() == "Share this campaign"
    assert any("recall-conference" in link["href"] for link in share.select("a"))


@pytest.mark.parametrize("slug", ["rally-to-reclaim-democracy", "rally-before-the-nec-organising-committee"])
def test_demo_events_open_with_their_action_and_end_in_it(client, demo_site, slug):
    event = EventPage.objects.get(slug=slug)
    html = soup(client, event.url)
    bar = html.select_one(".banner .action-bar")
    if event.takes_registrations:
        assert bar.select_one(".button--action")["href"] == "#register"
        assert html.select_one("#register form") is not None
    assert html.select_one("main .action-box .share") is not None


def test_campaign_and_event_pages_load_nothing_from_another_site(client, demo_site):
    for page in [*CampaignPage.objects.live(), *EventPage.objects.live()]:
        html = client.get(page.url).content.decode()
        loaded = re.findall(r'<(?:script|img|source|iframe)\b[^>]*\b(?:src|srcset|href)="(https?:)?//', html)
        assert loaded == [], page.url


def test_every_demo_page_has_a_share_picture_its_own_or_the_sites(client, demo_site):
    default = SiteSettings.for_site(demo_site).default_share_image
    assert default is not None
    campaign = CampaignPage.objects.get(slug="recall-conference")
    own = soup(client, campaign.url).select_one("meta[property='og:image']")["content"]
    sites = soup(client, "/get-involved/").select_one("meta[property='og:image']")["content"]
    assert own != sites and "fill-1200x630" in own and "fill-1200x630" in sites
    for page in demo_site.root_page.get_descendants(inclusive=True).live().specific():
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        meta = BeautifulSoup(response.content, "html.parser").select_one("meta[property='og:image']")
        assert meta is not None and meta["content"].startswith("http"), page.url


def test_the_demo_draws_its_own_pictures_once(demo_site):
    assert CampaignPage.objects.filter(hero_image__isnull=False).count() >= 3
    assert CampaignPage.objects.filter(hero_image__isnull=True).exists()  # and shows a card without one
    assert EventPage.objects.filter(hero_image__isnull=False).exists()
    assert NewsPage.objects.filter(listing_image__isnull=False).count() >= 2
    assert NewsPage.objects.filter(listing_image__isnull=True).exists()

    before = SiteImage.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SiteImage.objects.count() == before


def test_a_poster_is_drawn_without_any_installed_font(monkeypatch):

    monkeypatch.setattr(posters, "BOLD_FONTS", ())
    image = Image.open(BytesIO(poster_png("Let the members decide", kicker="#Recall", footer="Broad Left")))
    assert image.size == (1600, 900)
    # Words were drawn: the slogan's white covers part of the red.
    assert len(image.getcolors(maxcolors=100000)) > 2


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Fire Brigades Union (FBU)", "FBU"),
        ("Fire Brigades Union", "FBU"),
        ("Bakers, Food and Allied Workers' Union (BFAWU)", "BFAWU"),
        ("Socialist Campaign Group of Labour MPs", "SCGL"),
        ("The People's Assembly", "PA"),
        ("Camden Covid-19 Mutual Aid", "CCMA"),
    ],
)
def test_placeholder_logos_use_the_initials_people_use(name, letters):
    assert initials(name) == letters
