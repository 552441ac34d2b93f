"""A slug already taken, often by a stray draft an autosave left, says which page holds it and where to find it."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from website.models import StandardPage


@pytest.mark.django_db
def test_a_slug_taken_by_a_stray_draft_names_it_and_says_how_to_reach_it(admin_client, home_page):
    stray = home_page.add_child(instance=StandardPage(title="Get involved", slug="get-involved", live=False))
    response = admin_client.post(
        f"/admin/pages/add/website/standardpage/{home_page.pk}/",
        nested_form_data({"title": "Get involved", "slug": "get-involved", "body": streamfield([])}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "is taken by the page" in html and "Get involved" in html
    assert f"/admin/pages/{stray.pk}/edit/" in html
    assert "a draft never published" in html
    assert StandardPage.objects.filter(slug="get-involved").count() == 1
