import pytest
from django.core.cache import cache

from tests.campaigns.factories import CampaignIndexPageFactory, EventIndexPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no posts counted against its address."""
    cache.clear()


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)
