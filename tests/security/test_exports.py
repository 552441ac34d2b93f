"""Visitors' formulas come out of the editors' exports as text: typed in the public forms, exported from the admin."""

import csv
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from openpyxl import load_workbook

from signup.models import Supporter, SupporterStatus
from tests.campaigns.utils import PERSON
from tests.endorsements.utils import ASK_URL
from tests.endorsements.utils import form_data as request_data
from tests.signup.utils import form_data as signup_data

FORMULAS = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(1)"]


def download(admin_client, url, export_format):
    response = admin_client.get(url, {"export": export_format})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_exported_as_text(admin_client, url, column):
    rows = list(csv.DictReader(io.StringIO(download(admin_client, url, "csv").decode("utf-8-sig"))))
    assert sorted(row[column] for row in rows) == sorted(f"'{formula}" for formula in FORMULAS)

    sheet = load_workbook(io.BytesIO(download(admin_client, url, "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    cells = [row[header.index(column)] for row in sheet.iter_rows(min_row=2)]
    assert sorted(str(cell.value).lstrip("'") for cell in cells) == sorted(FORMULAS)
    # Stored as strings: no spreadsheet evaluates them.
    assert {cell.data_type for cell in cells} == {"s"}


def submit_each(post):
    for number, formula in enumerate(FORMULAS):
        cache.clear()
        response = post(number, formula)
        assert response.status_code == 302, response.context and response.context["form"].errors


@pytest.mark.django_db
def test_sign_ups(client, admin_client, signup_page):
    submit_each(
        lambda number, formula: client.post(
            signup_page.url, signup_data(signup_page, name=formula, email=f"person{number}@example.org")
        )
    )
    # The export lists only people who confirmed their address.
    Supporter.objects.update(status=SupporterStatus.CONFIRMED, confirmed_at=timezone.now())
    assert_exported_as_text(admin_client, "/admin/signup/supporter/", "Name")


@pytest.mark.django_db
def test_event_registrations(client, admin_client, rally):
    submit_each(
        lambda number, formula: client.post(
            rally.url, {**PERSON, "name": formula, "organisation": formula, "email": f"person{number}@example.org"}
        )
    )
    assert_exported_as_text(admin_client, "/admin/campaigns/registration/", "Name")
    assert_exported_as_text(admin_client, "/admin/campaigns/registration/", "Organisation")


@pytest.mark.django_db
def test_endorsement_requests(client, admin_client, endorsements):
    submit_each(
        lambda number, formula: client.post(
            ASK_URL, request_data(name=formula, contact_name=f"Contact {number}", statement=formula)
        )
    )
    assert_exported_as_text(admin_client, "/admin/endorsements/endorsementrequest/", "Name")
    assert_exported_as_text(admin_client, "/admin/endorsements/endorsementrequest/", "Statement")
