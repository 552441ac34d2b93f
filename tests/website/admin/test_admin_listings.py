"""The admin's listings read as editors write: yes/no columns say "Yes" or "No", never "True" or "False", and
column headings spell URL, MPs and the like right."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from signup.models import Supporter
from social.models import SocialPost
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.endorsements.factories import EndorsementRequestFactory
from tests.factories import OrganisationFactory
from tests.website.utils import misspelt

LISTINGS = [
    "/admin/snippets/endorsements/organisation/",
    "/admin/snippets/social/socialpost/",
    "/admin/endorsements/endorsementrequest/",
    "/admin/campaigns/registration/",
    "/admin/signup/supporter/",
]


@pytest.fixture
def one_of_everything(home_page):
    EndorsementRequestFactory()
    RegistrationFactory(event=EventPageFactory(parent=EventIndexPageFactory(parent=home_page)))
    OrganisationFactory(name="Unite", listed=True, show_logo=False)
    SocialPost.objects.create(
        platform="mastodon",
        account_name="Broad Left Network",
        text="Recall conference now",
        url="https://mastodon.social/@broadleft/1",
        posted_at=timezone.now() - datetime.timedelta(hours=1),
        shown=True,
    )
    Supporter.objects.create(name="Rosa", email="rosa@example.org", email_updates=True)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTINGS)
def test_listings_say_yes_or_no_and_spell_their_headings_right(admin_client, one_of_everything, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table")
    assert table is not None, url
    cells = [cell.get_text(" ", strip=True) for cell in table.select("td")]
    alts = [image.get("alt", "") for image in table.select("img")] + [
        icon.get_text(strip=True) for icon in table.select("svg title")
    ]
    assert not {"True", "False"} & {*cells, *alts}, cells
    headings = [heading.get_text(" ", strip=True) for heading in table.select("th")]
    assert not [heading for heading in headings if misspelt(heading)], headings


@pytest.mark.django_db
def test_the_organisations_listing_says_whether_each_is_listed_and_may_show_its_logo(admin_client, one_of_everything):
    page = BeautifulSoup(admin_client.get(LISTINGS[0]).content, "html.parser")
    headings = [heading.get_text(" ", strip=True) for heading in page.select("table th")]
    assert "Listed" in headings and "May show logo" in headings
    row = [cell.get_text(" ", strip=True) for cell in page.select("table tbody tr td")]
    assert "Yes" in row and "No" in row
