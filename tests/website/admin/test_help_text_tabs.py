"""Help that sends an editor to a tab names a tab the editor has: Wagtail 8's page editor shows Content and Promote;
publishing later is under "Set schedule" in the status panel, not a "Settings" tab."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, get_page_models

from tests.utils import editor_fields_and_blocks, ours

# "under the Settings tab", "the 'Promote' tab", "the tab Promote"
TAB_MENTION = re.compile(r"\b([A-Z]\w+)['’\"”]? tab\b|\btab ['‘\"“]?([A-Z]\w+)")


def tabs_named(text):
    return {before or after for before, after in TAB_MENTION.findall(str(text or ""))}


def editor_help_texts():
    """(model, where, text) for every help text of our models' fields and blocks, and each page type's description."""
    for where, model, field_or_block in editor_fields_and_blocks():
        text = getattr(field_or_block, "help_text", None)
        if text is None:
            text = getattr(getattr(field_or_block, "meta", None), "help_text", None)
        yield model, where, text
    for model in ours(get_page_models()):
        yield model, f"{model.__name__} description", model.page_description


def test_tab_mentions_are_found():
    assert tabs_named("To publish later, set 'Go-live date/time' under the Settings tab.") == {"Settings"}
    assert tabs_named("Set it in the tab 'Promote'.") == {"Promote"}
    assert tabs_named("A table of contents") == set()


@pytest.mark.django_db
def test_every_tab_a_help_text_names_is_on_that_editors_screen(admin_client, demo_site):
    tabs = {}
    for model in ours(get_page_models()):
        page = model.objects.first()
        assert page is not None, f"the demo has no {model.__name__}"
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        shown = BeautifulSoup(response.content, "html.parser").select("[role=tab]")
        tabs[model] = {tab.get_text(" ", strip=True).split(" (")[0] for tab in shown}
    assert tabs[Page.objects.get(depth=2).specific_class] == {"Content", "Promote"}
    wrong = [
        f"{where} names the {name} tab, which is not there ({', '.join(sorted(tabs.get(model, ()))) or 'no tabs'})"
        for model, where, text in editor_help_texts()
        for name in tabs_named(text)
        if name not in tabs.get(model, set())
    ]
    assert not wrong, "\n".join(wrong)
