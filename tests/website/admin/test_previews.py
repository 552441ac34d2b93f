"""Every page type can be previewed from the admin before it goes live."""

import pytest
from wagtail.models import get_page_models

from tests.utils import ours

PAGE_MODELS = ours(get_page_models())


@pytest.mark.django_db
def test_an_admin_previews_a_draft_of_each_page_type(demo_site, admin_client):
    # One test for all types: the demo content, which has a page of each, loads once.
    assert len(PAGE_MODELS) >= 10
    for model in PAGE_MODELS:
        page = model.objects.first()
        assert page is not None, f"the demo content has no {model.__name__} to preview"
        assert page.preview_modes, f"{model.__name__} turned previews off"
        page.title = f"{page.title} draft"
        page.save_revision()
        response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert response.status_code == 200, model.__name__
        assert page.title in response.content.decode().replace("&#x27;", "'"), model.__name__


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model_name", "form", "shown_text"),
    [
        (
            "social/socialpost",
            {
                "platform": "facebook",
                "account_name": "Broad Left Network",
                "handle": "@broadleft",
                "text": "Unsaved words about the #RecallConference",
                "url": "https://www.facebook.com/broadleft/posts/1",
                "posted_at": "2026-11-30 19:30",
                "shown": "on",
            },
            "Unsaved words about the",
        ),
        (
            "endorsements/organisation",
            {"name": "Unsaved Trades Council", "kind": "trade_union", "region": "uk", "listed": "on"},
            "Unsaved Trades Council",
        ),
    ],
)
def test_an_editor_previews_a_snippet_before_saving_it(site, admin_client, model_name, form, shown_text):
    # The admin posts the form as it stands, then shows the preview of what was posted.
    url = f"/admin/snippets/{model_name}/preview/"
    checked = admin_client.post(url, form)
    assert checked.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url)
    assert response.status_code == 200
    assert shown_text in response.content.decode()
