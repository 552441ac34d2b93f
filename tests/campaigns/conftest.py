import pytest

from tests.campaigns.factories import CampaignIndexPageFactory, EventIndexPageFactory


@pytest.fixture(autouse=True)
def _each_test_from_a_clean_slate(fresh_rate_limits):
    pass


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)
