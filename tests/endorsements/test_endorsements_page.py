"""Editors run the endorsements page from the admin; there is one, under the home page."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text


@pytest.mark.django_db
def test_editor_edits_the_pages_texts_in_the_admin(admin_client, client, endorsements):
    data = nested_form_data(
        {
            "title": "Who backs us",
            "slug": "endorsements",
            "intro": rich_text("<p>Unions, branches and groups that back the network.</p>"),
            "request_intro": rich_text("<p>Tell us your organisation backs the network.</p>"),
            "thank_you_text": rich_text("<p>We will write within a week.</p>"),
            "listing_summary": "",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/{endorsements.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    gallery = client.get("/endorsements/").content.decode()
    assert "Who backs us" in gallery and "Unions, branches and groups that back the network." in gallery
    assert "Tell us your organisation backs the network." in client.get("/endorsements/ask/").content.decode()
    assert "We will write within a week." in client.get("/endorsements/ask/thanks/").content.decode()
