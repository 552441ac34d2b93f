import pytest
from django.core.cache import cache

from campaigns.models import CampaignIndexPage
from signup.demo import sign_up_page
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
)
from tests.endorsements.factories import endorsements_page
from tests.petitions.factories import PetitionPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def signup_page(home_page):
    return sign_up_page(home_page, lambda message: None)


@pytest.fixture
def rally(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Rally for democracy", capacity=None)


@pytest.fixture
def endorsements(home_page):
    return endorsements_page(home_page)


@pytest.fixture
def petition(home_page):
    index = CampaignIndexPage.objects.first() or CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(parent=index, title="Recall conference")
    return PetitionPageFactory(parent=campaign, title="Recall conference now")
