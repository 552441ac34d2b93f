"""An address's way through the page tree is kept under the content generation: a request finds its page in one
query, and nothing kept outlives a change to where the address leads."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from signup.models import SignUpPage
from tests.factories import StandardPageFactory
from tests.utils import caching
from website.generation import start_new_generation


def page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    walked = [q["sql"] for q in queries.captured_queries if '"wagtailcore_page"' in q["sql"]]
    return response, walked


@pytest.mark.django_db
def test_a_second_visit_finds_its_page_in_one_query_and_a_change_sends_it_the_new_way(site):
    about = StandardPageFactory(parent=site.root_page, title="About", slug="about")
    history = StandardPageFactory(parent=about, title="History", slug="history")
    client = Client()
    with caching(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False):
        first, walked_first = page_queries(client, history.url)
        second, walked_second = page_queries(client, history.url)
        assert first.status_code == second.status_code == 200
        assert "History" in second.content.decode()
        assert len(walked_second) < len(walked_first)
        assert len(walked_second) == 1

        # Moved elsewhere (a new generation, as every publish or move starts): the old address leads nowhere.
        history.slug = "our-history"
        history.save_revision().publish()
        start_new_generation()
        assert client.get("/about/history/").status_code == 404
        assert client.get("/about/our-history/").status_code == 200


@pytest.mark.django_db
def test_a_kept_way_to_a_page_that_has_gone_is_not_followed(site):
    """Even under the same generation (a change whose commit hook never ran), the page is checked, not trusted."""
    about = StandardPageFactory(parent=site.root_page, title="About", slug="about")
    client = Client()
    with caching(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False):
        assert client.get("/about/").status_code == 200
        about.unpublish()
        assert client.get("/about/").status_code == 404
        about.delete()
        assert client.get("/about/").status_code == 404


@pytest.mark.django_db
def test_a_routable_pages_own_addresses_come_through_a_kept_way(site):
    """The sign-up's thank-you page is its own sub-address: the kept way leads to the page, which routes the rest."""
    signup = SignUpPage(title="Join", slug="join")
    site.root_page.add_child(instance=signup)
    client = Client()
    with caching(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False):
        assert client.get("/join/").status_code == 200
        assert client.get("/join/thanks/").status_code == 200
        assert client.get("/join/thanks/").status_code == 200
        assert client.get("/join/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_a_kept_way_keeps_a_private_page_private_and_a_public_one_costs_no_restriction_query(site):
    about = StandardPageFactory(parent=site.root_page, title="About", slug="about")
    members = StandardPageFactory(parent=about, title="Members", slug="members")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    public = StandardPageFactory(parent=site.root_page, title="Public", slug="public")
    client = Client()
    with caching(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False):
        for _ in range(2):
            response = client.get(members.url)
            assert response.status_code == 302 and "login" in response["Location"]
        client.get(public.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(public.url).status_code == 200
        assert not [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]
