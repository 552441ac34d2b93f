"""docs/privacy.md, the editors' guide and the demo's privacy notice say what the code keeps, and for how long."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.models import Page

from website import personal_data

ROOT = Path(__file__).resolve().parents[3]
PRIVACY = (ROOT / "docs" / "privacy.md").read_text()
SETTINGS_SOURCE = (ROOT / "website" / "settings" / "base.py").read_text()


def retention_settings():
    return sorted({rule.setting for _, rule in personal_data.retention_rules() if rule.setting})


def default_of(setting):
    """The default the settings file gives `setting`, as an environment variable's fallback."""
    match = re.search(rf'^{setting} = int\(os\.environ\.get\("{setting}", "(\d+)"\)\)', SETTINGS_SOURCE, re.M)
    assert match, f"{setting} is not read from the environment with a default in website/settings/base.py"
    return match.group(1)


def table_rows():
    section = PRIVACY.split("## What is kept", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("|")][2:]


def test_every_record_kind_has_its_row_naming_its_fields_and_its_retention():
    rows = {re.search(r"\*\*(.+?)\*\*", row).group(1): row for row in table_rows()}
    assert set(rows) == {entry.name for entry in personal_data.registered()}
    for entry in personal_data.registered():
        row = rows[entry.name]
        for name in entry.correctable:
            words = str(entry.model._meta.get_field(name).verbose_name).replace("contact ", "")
            assert words.replace("email", "e-mail") in row.lower(), name
        for rule in entry.retention:
            if rule.setting:
                assert f"`{rule.setting}` ({default_of(rule.setting)} days)" in row, (entry.name, rule.setting)


def test_every_retention_setting_is_documented_with_its_default():
    deploying = (ROOT / "docs" / "deploying.md").read_text()
    for setting in retention_settings():
        assert f"`{setting}` ({default_of(setting)} days)" in PRIVACY, setting
        assert re.search(rf"\| `{setting}` \|.*\({default_of(setting)}\) \|", deploying), setting
    assert {"SIGNUP_PENDING_DAYS", "REGISTRATION_RETENTION_DAYS", "DECLINED_REQUEST_RETENTION_DAYS"} <= set(
        retention_settings()
    )


def test_the_docs_are_linked_and_name_the_tools_paths():
    assert "[docs/privacy.md](docs/privacy.md)" in (ROOT / "README.md").read_text()
    editors = (ROOT / "docs" / "editors.md").read_text()
    for path in ("**Data rights → Find a person**", "**Data rights → Log**"):
        assert path in editors and path in PRIVACY
    for button in ("Download everything (JSON)", "Correct this record", "Erase everything…", "Yes, erase it all"):
        assert button in editors, button
        assert (
            button
            in (ROOT / "templates" / "website" / "data_rights" / "find.html").read_text()
            + (ROOT / "templates" / "website" / "data_rights" / "erase.html").read_text()
        )


@pytest.mark.django_db
def test_the_demo_privacy_notice_says_what_is_kept_and_for_how_long(demo_site, client):
    notice = Page.objects.get(slug="privacy").specific
    response = client.get(notice.url)
    assert response.status_code == 200
    text = unescape(strip_tags(response.content.decode()))
    for entry in personal_data.registered():
        assert entry.description in text, entry.name
        assert entry.purpose in text, entry.name
        for rule in entry.retention:
            assert rule.describe() in text
    for setting in retention_settings():
        assert f"{getattr(settings, setting)} days" in text
    for right in ("a copy of everything we hold", "corrected", "erased", "unsubscribe"):
        assert right in text
