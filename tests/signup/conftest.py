import pytest


@pytest.fixture(autouse=True)
def _each_test_from_a_clean_slate(fresh_rate_limits):
    pass
