import pytest

from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.letters.factories import OpenLetterPageFactory


@pytest.fixture(autouse=True)
def _each_test_from_a_clean_slate(fresh_rate_limits):
    pass


@pytest.fixture
def campaign(home_page):
    index = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=index, title="Recall conference")


@pytest.fixture
def letter(campaign):
    return OpenLetterPageFactory(parent=campaign, title="Let the members decide", slug="let-the-members-decide")
