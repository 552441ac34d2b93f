"""Faults the site answers in words: a full disk under an upload; a mail server that is down."""

import errno
import sqlite3
from contextlib import contextmanager
from datetime import timedelta
from io import BytesIO, StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import InterfaceError, OperationalError
from django.test import override_settings
from django.utils import timezone
from PIL import Image as PILImage

from campaigns.models import EventPage, Registration
from endorsements.models import EndorsementRequest, RequestStatus
from signup.demo import sign_up_page
from signup.models import Supporter
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory
from tests.campaigns.utils import PERSON
from tests.endorsements.factories import EndorsementRequestFactory, endorsements_page
from tests.endorsements.utils import form_data as endorsement_form_data
from tests.signup.utils import form_data as signup_form_data
from website.middleware import database_unavailable
from website.models import SiteImage


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return buffer.getvalue()


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.django_db
def test_a_full_disk_tells_the_editor_in_the_single_upload_form(admin_client):
    with mock.patch.object(FileSystemStorage, "_save", disk_full):
        response = admin_client.post(
            "/admin/images/add/",
            {"title": "Banner", "file": SimpleUploadedFile("banner.png", png_bytes(), "image/png")},
        )
    assert response.status_code == 507
    assert "storage for uploaded files is full" in response.content.decode()
    assert not SiteImage.objects.exists()


# A real transaction: the uploader's own atomic block rolls back as it would in production.
@pytest.mark.django_db(transaction=True)
def test_a_full_disk_shows_beside_the_file_in_the_multiple_uploader(admin_client, root_collection):
    with mock.patch.object(FileSystemStorage, "_save", disk_full):
        response = admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("banner.png", png_bytes(), "image/png")},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": mock.ANY}
    assert "storage for uploaded files is full" in response.json()["error_message"]
    assert not SiteImage.objects.exists()


@pytest.mark.django_db
def test_other_os_errors_are_not_disguised_as_a_full_disk(admin_client):
    def permission_denied(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    with mock.patch.object(FileSystemStorage, "_save", permission_denied), pytest.raises(OSError):
        admin_client.post(
            "/admin/images/add/",
            {"title": "Banner", "file": SimpleUploadedFile("banner.png", png_bytes(), "image/png")},
        )


def test_only_an_unreachable_database_counts_as_an_outage():
    def wrapped(message):
        error = OperationalError(message)
        error.__cause__ = sqlite3.OperationalError(message)
        return error

    assert database_unavailable(InterfaceError("connection already closed"))
    assert database_unavailable(OperationalError("server closed the connection unexpectedly"))
    assert database_unavailable(wrapped("database is locked"))
    assert not database_unavailable(wrapped('fts5: syntax error near "\'"'))
    assert not database_unavailable(ValueError("not a database error"))


# The mail server is down: each public form still thanks the visitor, keeps the record, and the e-mail goes later.

SMTP_DOWN = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="mail.example.org", EMAIL_PORT=587
)


@contextmanager
def mail_server_down():
    """Django's real SMTP backend, whose connection is refused."""
    refused = ConnectionRefusedError(111, "Connection refused")
    with SMTP_DOWN, mock.patch("smtplib.SMTP", side_effect=refused) as smtp:
        yield smtp
    assert smtp.called, "nothing tried to send mail: the test tested nothing"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def an_hour_ago(model):
    model.objects.update(created_at=timezone.now() - timedelta(hours=1))


@pytest.mark.django_db
def test_a_sign_up_while_the_mail_server_is_down_is_kept_and_confirmed_later(client, home_page):
    page = sign_up_page(home_page, lambda message: None)
    with mail_server_down():
        response = client.post(page.url, signup_form_data(page))
        assert response.status_code == 302
        assert client.get(response["Location"]).status_code == 200
    supporter = Supporter.objects.get()
    assert supporter.confirmation_sent_at is None and not mail.outbox
    an_hour_ago(Supporter)
    call_command("send_signup_emails", stdout=StringIO())
    assert [message.to for message in mail.outbox] == [[supporter.email]]


@pytest.mark.django_db
def test_a_registration_while_the_mail_server_is_down_is_kept_and_confirmed_later(client, home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Rally")
    with mail_server_down():
        response = client.post(event.url, PERSON)
        assert response.status_code == 302
        assert "Check your inbox" in client.get(response["Location"]).content.decode()
    registration = Registration.objects.get()
    assert registration.confirmation_sent_at is None and not mail.outbox
    an_hour_ago(Registration)
    output = StringIO()
    call_command("send_signup_emails", stdout=output)
    assert "Registration e-mails: 1 sent, 0 still unsent" in output.getvalue()
    [message] = mail.outbox
    assert message.to == [PERSON["email"]]
    assert f"http://testserver{event.url}registered/{registration.token}/" in message.body
    registration.refresh_from_db()
    assert registration.confirmation_sent_at is not None
    # Sent once: the next run finds nothing left to send.
    call_command("send_signup_emails", stdout=StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_registration_confirmation_is_retried_after_its_event(client, home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Rally")
    with mail_server_down():
        assert client.post(event.url, PERSON).status_code == 302
    an_hour_ago(Registration)
    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=2)
    )
    call_command("send_signup_emails", stdout=StringIO())
    assert not mail.outbox


@pytest.mark.django_db
def test_an_endorsement_request_while_the_mail_server_is_down_waits_for_editors_in_the_admin(
    client, admin_client, home_page
):
    endorsements = endorsements_page(home_page)
    with mail_server_down():
        response = client.post(endorsements.url + "ask/", endorsement_form_data())
        assert response.status_code == 302
        assert "Thank you" in client.get(response["Location"]).content.decode()
    request = EndorsementRequest.objects.get()
    assert not mail.outbox and request.editors_told_at is None
    listing = admin_client.get("/admin/endorsements/endorsementrequest/", {"status": "pending"}).content.decode()
    assert request.name in listing
    # Once the mail server is back, the retry tells them.
    EndorsementRequest.objects.update(submitted_at=timezone.now() - timedelta(hours=1))
    output = StringIO()
    call_command("send_endorsement_emails", stdout=output)
    assert "Editors' e-mails: 1 sent, 0 still unsent" in output.getvalue()
    [message] = mail.outbox
    assert message.to == ["admin@example.com"] and request.name in message.subject
    call_command("send_endorsement_emails", stdout=StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_decision_while_the_mail_server_is_down_reaches_the_contact_later(
    admin_client, django_capture_on_commit_callbacks
):
    request = EndorsementRequestFactory(editors_told_at=timezone.now())
    with mail_server_down(), django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "decline"}
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED and request.contact_told_at is None and not mail.outbox
    EndorsementRequest.objects.update(reviewed_at=timezone.now() - timedelta(hours=1))
    output = StringIO()
    call_command("send_endorsement_emails", stdout=output)
    assert "Decision e-mails: 1 sent, 0 still unsent" in output.getvalue()
    [message] = mail.outbox
    assert message.to == [request.contact_email]
    request.refresh_from_db()
    assert request.contact_told_at is not None
    call_command("send_endorsement_emails", stdout=StringIO())
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_endorsement_emails_are_retried_for_a_week(admin_user):
    now = timezone.now()
    for days in (2, 8):
        when = now - timedelta(days=days)
        waiting = EndorsementRequestFactory(name=f"Waiting {days} days")
        decided = EndorsementRequestFactory(
            name=f"Decided {days} days ago", status=RequestStatus.APPROVED, editors_told_at=when, reviewed_at=when
        )
        EndorsementRequest.objects.filter(pk__in=[waiting.pk, decided.pk]).update(submitted_at=when)
    call_command("send_endorsement_emails", stdout=StringIO())
    assert sorted((message.to, message.subject) for message in mail.outbox) == [
        (["admin@example.com"], "Endorsement request: Waiting 2 days"),
        (["secretary@branch.example.org"], "Thank you: your organisation now backs the network"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/news/?topic=%00", "/news/?kind=news&kind=%00", "/campaigns/?%00=1", "/news/%00/", "/search/?q=a%00b"],
)
def test_an_address_with_a_nul_character_is_a_bad_request_not_a_server_error(client, demo_site, url):
    # PostgreSQL refuses NUL in text: before the guard, ?topic=%00 on the news page was a 500 there.
    response = client.get(url)
    assert response.status_code == 400
    assert "This address cannot be shown" in response.content.decode()
    assert response["Content-Security-Policy"]


@pytest.mark.django_db
def test_addresses_without_nul_characters_pass_the_guard(client, demo_site):
    assert client.get("/news/", {"topic": "no-such-topic"}).status_code == 200
