"""A section saved with a required part empty names the part and the section, not a bare "This field is required."
(as a reopened autosaved draft showed it, twice, with nothing to say where)."""

import json

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from website.models import StandardPage


@pytest.mark.django_db
def test_an_empty_required_part_of_a_section_is_named(admin_client, home_page):
    response = admin_client.post(
        f"/admin/pages/add/website/standardpage/{home_page.pk}/",
        nested_form_data(
            {
                "title": "About us",
                "slug": "about-us",
                "body": streamfield([("quote", {"quote": "", "name": "", "role": "", "handle": ""})]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    message = "Quote is required in this quote section: fill it in, or remove the section."
    assert message in html or json.dumps(message)[1:-1] in html
    assert not StandardPage.objects.filter(slug="about-us").exists()
