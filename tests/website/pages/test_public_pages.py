import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.utils import assert_no_inline_code


@pytest.mark.django_db
def test_unknown_address_gets_a_helpful_404(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'action="/search/"' in html
    assert_no_inline_code(html)


def test_server_error_page_needs_no_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, demo_site):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_sitemap_lists_the_published_pages(client, demo_site):
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/</loc>" in body
    assert "/get-involved/</loc>" in body


@pytest.mark.django_db
@pytest.mark.parametrize("page_number", ["abc", "99999", "-1", ""])
def test_search_survives_any_page_number(client, demo_site, page_number):
    response = client.get("/search/", {"q": "privacy", "page": page_number})
    assert response.status_code == 200
    assert "Privacy notice" in response.content.decode()


@pytest.mark.django_db
def test_search_results_are_not_indexed_and_escape_the_query(client, demo_site):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "<script>alert(1)</script>" not in html
    assert "Nothing matched" in html


@pytest.mark.django_db
def test_empty_search_gives_guidance(client, demo_site):
    assert "Type a word or two" in client.get("/search/").content.decode()
