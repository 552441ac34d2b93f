import pytest

from tests.petitions.factories import recall_campaign, recall_petition


@pytest.fixture(autouse=True)
def _each_test_from_a_clean_slate(fresh_rate_limits):
    pass


@pytest.fixture
def campaign(home_page):
    return recall_campaign(home_page)


@pytest.fixture
def petition(campaign):
    return recall_petition(campaign)
