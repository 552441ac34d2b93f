import pytest

from signup.demo import sign_up_page


@pytest.fixture(autouse=True)
def _each_test_from_a_clean_slate(fresh_rate_limits):
    pass


@pytest.fixture
def signup_page(home_page):
    return sign_up_page(home_page, lambda message: None)
