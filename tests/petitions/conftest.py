import pytest

from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.petitions.factories import PetitionPageFactory


@pytest.fixture(autouse=True)
def _each_test_from_a_clean_slate(fresh_rate_limits):
    pass


@pytest.fixture
def campaign(home_page):
    index = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=index, title="Recall conference", slug="recall-conference")


@pytest.fixture
def petition(campaign):
    return PetitionPageFactory(parent=campaign, title="Recall conference now", slug="petition", goal=5)
