import pytest
from django.core.cache import cache

from tests.endorsements.factories import endorsements_page


@pytest.fixture
def endorsements(home_page):
    """The published endorsements page under the home page."""
    return endorsements_page(home_page)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()
