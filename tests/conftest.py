import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

from website.demo import site_tree

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses that unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def site(db):
    """The default site with its home page, whether or not the database was flushed before."""
    return site_tree()


@pytest.fixture
def root_collection(db):
    """Wagtail's root collection, which a transactional test's flush before it may have removed."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def demo_site(db, root_collection):
    """The site as `make run` builds it from the seed text."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return site_tree()


@pytest.fixture
def fresh_rate_limits():
    """No posts counted against the test client's address: each test's forms start from a clean slate."""
    cache.clear()
