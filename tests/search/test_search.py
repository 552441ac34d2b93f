"""The site search, as a visitor uses it: on SQLite and on PostgreSQL (DATABASE_URL)."""

import re
from html import unescape

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories import OrganisationFactory, StandardPageFactory, add_pages
from tests.utils import assert_flat_query_budget, assert_no_inline_code

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL feature")


def result_titles(response):
    """The headings of the results, in the order shown."""
    return [unescape(title) for title in re.findall(r'<h2><a href="[^"]*">([^<]+)</a></h2>', response.content.decode())]


@pytest.fixture
def pages(home_page):
    def add(title, summary="", body_text="", parent=None, **fields):
        body = [("text", f"<p>{body_text}</p>")] if body_text else []
        parent = parent or home_page
        return StandardPageFactory(parent=parent, title=title, listing_summary=summary, body=body, **fields)

    return add


@pytest.mark.django_db
def test_a_word_in_the_title_or_the_body_finds_the_page(client, pages):
    pages("Recall conference now", summary="Members demand a say.")
    pages("Rally in Liverpool", body_text="Speakers call for a recall conference.")
    pages("Budget response", body_text="Nothing for public services.")

    response = client.get("/search/", {"q": "recall"})

    assert response.status_code == 200
    assert sorted(result_titles(response)) == ["Rally in Liverpool", "Recall conference now"]
    html = response.content.decode()
    assert "Members demand a say." in html
    assert "2 results" in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_body_match(client, pages):
    pages("Solidarity statement", body_text="Democracy democracy in the party, said the statement.")
    pages("Democracy now")
    assert result_titles(client.get("/search/", {"q": "democracy"})) == ["Democracy now", "Solidarity statement"]


@on_postgres
@pytest.mark.django_db
def test_english_stemming_finds_other_forms_of_a_word(client, pages):
    pages("Campaign for a recall conference")
    pages("Organisers' handbook", body_text="Campaigning in workplaces and communities.")
    assert sorted(result_titles(client.get("/search/", {"q": "campaigning"}))) == [
        "Campaign for a recall conference",
        "Organisers' handbook",
    ]


@on_postgres
@pytest.mark.django_db
def test_a_typo_still_finds_the_page_and_says_so(client, pages):
    pages("Reclaim democracy campaign")
    response = client.get("/search/", {"q": "democrasy"})
    assert result_titles(response) == ["Reclaim democracy campaign"]
    assert "results for similar words" in response.content.decode()


@pytest.mark.django_db
def test_an_editors_promoted_result_comes_first_and_only_once(client, pages):
    pages("Recall conference: the motion", body_text="Recall recall recall.")
    promoted = pages("Get organised", summary="Join the network.")
    SearchPromotion.objects.create(query=Query.get("recall"), page=promoted, sort_order=0, description="")

    response = client.get("/search/", {"q": "Recall"})

    assert result_titles(response) == ["Get organised", "Recall conference: the motion"]
    assert "Recommended" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_private_and_deleted_pages_are_never_found(client, pages):
    shown = pages("Rally on Saturday")
    withdrawn = pages("Rally postponed")
    gone = pages("Rally cancelled")
    members_only = pages("Rally stewards briefing")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)

    withdrawn.unpublish()
    gone.delete()

    assert result_titles(client.get("/search/", {"q": "rally"})) == [shown.title]


@pytest.mark.django_db
def test_a_page_published_later_is_found_once_live(client, pages):
    page = pages("Picket line solidarity", live=False)
    assert result_titles(client.get("/search/", {"q": "picket"})) == []
    page.save_revision().publish()
    assert result_titles(client.get("/search/", {"q": "picket"})) == ["Picket line solidarity"]


@pytest.mark.django_db
def test_organisations_are_found_beside_pages_and_on_their_own(client, pages):
    OrganisationFactory(name="Fire Brigades Union", website="https://fbu.example.org/")
    OrganisationFactory(name="Union of Hidden Workers", listed=False)
    pages("Union news")

    everything = client.get("/search/", {"q": "union"}).content.decode()
    assert "Fire Brigades Union" in everything
    assert "Hidden Workers" not in everything

    only_organisations = client.get("/search/", {"q": "union", "kind": "organisations"})
    assert result_titles(only_organisations) == ["Fire Brigades Union"]
    assert "Union news" not in only_organisations.content.decode()


@pytest.mark.django_db
def test_each_kind_is_a_plain_link_that_keeps_the_query(client, pages):
    pages("Recall")
    html = client.get("/search/", {"q": "recall & more"}).content.decode()
    assert 'href="?q=recall%20%26%20more&amp;kind=organisations"' in html
    assert 'href="?q=recall%20%26%20more" aria-current="page"' in html


@pytest.mark.django_db
def test_no_results_suggests_what_to_try(client, pages):
    pages("Recall conference")
    html = client.get("/search/", {"q": "zzzyzx"}).content.decode()
    assert "Nothing matched “zzzyzx”" in html
    assert "Try fewer words" in html


@pytest.mark.django_db
def test_an_empty_query_shows_guidance(client, site):
    for query in ("", "   "):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "Type a word or two" in response.content.decode()


@pytest.mark.django_db
def test_results_are_never_indexed_nor_shared_by_caches(client, site):
    response = client.get("/search/", {"q": "rally"})
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "!!! ??? ... ***",
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "NEAR(a b) AND NOT *",
        "<script>alert('x')</script>",
        "Солидарность 団結 تضامن",
    ],
    ids=["5000-characters", "punctuation", "sql", "unbalanced-quote", "fts-operators", "script", "non-latin"],
)
def test_bad_input_gets_an_answer_not_an_error(client, pages, query):
    pages("Солидарность with workers")
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "x" * 201 not in html, "the query is cut to its maximum length"


@pytest.mark.django_db
def test_a_non_latin_word_is_found(client, pages):
    pages("Солидарность with workers")
    assert result_titles(client.get("/search/", {"q": "Солидарность"})) == ["Солидарность with workers"]


@pytest.mark.django_db
def test_page_numbers_out_of_range_fall_back_to_a_real_page(client, pages):
    for number in range(12):
        pages(f"Rally {number}")
    last = client.get("/search/", {"q": "rally", "page": "99999"})
    assert last.status_code == 200
    assert len(result_titles(last)) == 2
    assert len(result_titles(client.get("/search/", {"q": "rally", "page": "abc"}))) == 10


@pytest.mark.django_db
def test_the_admin_shows_what_people_search_for(client, admin_client, site):
    for _ in range(3):
        client.get("/search/", {"q": "Recall Conference"})
    client.get("/search/", {"q": "rally"})

    report = admin_client.get("/admin/searchpicks/reports/search-terms/").content.decode()
    assert re.search(r"recall conference.*?3", report, re.S)
    assert "rally" in report


@pytest.mark.django_db
def test_a_search_costs_the_same_queries_with_10_or_1000_pages(client, home_page):
    added = 0

    def add_recall_pages(count):
        # Added and indexed in one batch (add_pages), not page by page: PostgreSQL's backend recomputes title norms
        # on every single add.
        nonlocal added
        titles = [f"Recall motion {added + number}" for number in range(1, count + 1)]
        added += count
        add_pages(home_page, [StandardPageFactory.build(title=title, listing_summary="") for title in titles])

    assert_flat_query_budget(client, "/search/?q=recall", add_recall_pages, budget=20, sizes=(10, 1000))
    assert "1000 results" in client.get("/search/", {"q": "recall"}).content.decode()
