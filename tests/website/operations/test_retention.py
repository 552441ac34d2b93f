"""`apply_retention` keeps every kind of personal data only as long as docs/privacy.md says, each app's own rule."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from campaigns.models import Registration
from endorsements.models import EndorsementRequest, RequestStatus
from signup.demo import sign_up_page
from signup.models import Supporter, SupporterStatus
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.endorsements.factories import EndorsementRequestFactory
from website import personal_data

ROOT = Path(__file__).resolve().parents[3]


def event_ended(home_page, days_ago):
    end = timezone.now() - timedelta(days=days_ago)
    index = EventIndexPageFactory(parent=home_page) if days_ago == 31 else home_page.get_children().first()
    return EventPageFactory(parent=index.specific, start=end - timedelta(hours=2), end=end)


def run():
    output = StringIO()
    call_command("apply_retention", stdout=output)
    return output.getvalue()


@pytest.fixture
def records(home_page):
    old_event = event_ended(home_page, 31)
    recent_event = event_ended(home_page, 29)
    future_event = event_ended(home_page, -7)
    signup_page = sign_up_page(home_page, lambda message: None)
    now = timezone.now()

    def supporter(email, status, days_old):
        record = Supporter.objects.create(page=signup_page, name=email, email=email, status=status)
        Supporter.objects.filter(pk=record.pk).update(created_at=now - timedelta(days=days_old))
        return record

    def decided(status, days_ago):
        return EndorsementRequestFactory(status=status, reviewed_at=now - timedelta(days=days_ago))

    return {
        "old registrations": [
            RegistrationFactory(event=old_event, accessibility_needs="Wheelchair space", postcode="E1 6AN"),
            RegistrationFactory(event=old_event, organisation="Unite"),
        ],
        "kept registrations": [RegistrationFactory(event=recent_event), RegistrationFactory(event=future_event)],
        "old declined": decided(RequestStatus.DECLINED, 31),
        "kept requests": [
            decided(RequestStatus.DECLINED, 29),
            decided(RequestStatus.APPROVED, 400),
            EndorsementRequestFactory(),
        ],
        "old pending": supporter("old@example.org", SupporterStatus.PENDING, 31),
        "kept supporters": [
            supporter("new@example.org", SupporterStatus.PENDING, 2),
            supporter("kept@example.org", SupporterStatus.CONFIRMED, 400),
        ],
    }


@pytest.mark.django_db
def test_one_daily_command_applies_every_records_rule(records):
    output = run()
    assert "anonymised 2 registrations" in output
    assert "deleted 1 declined endorsement request" in output
    assert "Deleted 1 unconfirmed sign-up" in output

    for registration in records["old registrations"]:
        registration.refresh_from_db()
        assert (registration.name, registration.postcode, registration.organisation) == ("", "", "")
        assert registration.accessibility_needs == ""
        assert registration.email.endswith("@anonymised.invalid")
    # The event's count of places taken stays.
    assert Registration.objects.filter(event=records["old registrations"][0].event).count() == 2
    for registration in records["kept registrations"]:
        kept = Registration.objects.get(pk=registration.pk)
        assert (kept.name, kept.email) == (registration.name, registration.email)
    assert not EndorsementRequest.objects.filter(pk=records["old declined"].pk).exists()
    assert all(EndorsementRequest.objects.filter(pk=r.pk).exists() for r in records["kept requests"])
    assert not Supporter.objects.filter(pk=records["old pending"].pk).exists()
    assert all(Supporter.objects.filter(pk=s.pk).exists() for s in records["kept supporters"])

    # Nothing more the second time.
    again = run()
    assert "anonymised 0 registrations" in again and "deleted 0 declined" in again


@pytest.mark.django_db
def test_each_period_is_a_setting(records):
    with override_settings(REGISTRATION_RETENTION_DAYS=10, DECLINED_REQUEST_RETENTION_DAYS=10):
        output = run()
    assert "anonymised 3 registrations for events over 10 days ago" in output
    assert "deleted 2 declined endorsement requests" in output


def test_every_registered_kind_has_a_rule_and_every_rule_a_setting_or_none():
    for entry in personal_data.registered():
        assert entry.retention, entry.name
        for rule in entry.retention:
            assert rule.setting is None or isinstance(rule.days, int)
            assert "{days}" in rule.summary or rule.setting is None


def test_the_daily_command_runs_wherever_the_site_runs():
    assert "manage.py apply_retention" in (ROOT / "Makefile").read_text()
    timer = (ROOT / "deploy" / "systemd" / "network-retention.timer").read_text()
    service = (ROOT / "deploy" / "systemd" / "network-retention.service").read_text()
    assert "OnCalendar=daily" in timer and "manage.py apply_retention" in service
    assert "apply_retention" in (ROOT / "docs" / "operations.md").read_text()
