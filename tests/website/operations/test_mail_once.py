"""Each e-mail goes once: overlapping retry runs, several senders, a sender that died, and mail servers that are
down, stalled or refusing (website/mail.py)."""

import threading
import time
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.utils import timezone

from campaigns.models import Registration
from campaigns.tasks import REGISTRATION_CONFIRMATIONS
from endorsements.models import RequestStatus
from endorsements.tasks import DECISION_EMAILS, EDITORS_EMAILS
from signup.demo import sign_up_page
from signup.models import Supporter
from signup.tasks import CONFIRMATIONS, send_confirmation
from tests.campaigns.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.endorsements.factories import EndorsementRequestFactory
from tests.signup.utils import form_data as signup_form_data
from tests.smtp_sink import SmtpSink
from website.mail import send_batch

AN_HOUR_AGO = timedelta(hours=1)


def smtp_settings(port, timeout=10):
    """Django's real SMTP backend, to a sink on the loopback."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=timeout,
    )


def closed_port():
    """A loopback port nothing listens on: connecting is refused."""
    with SmtpSink() as sink:
        port = sink.port
    return port


@pytest.fixture
def signup_page(home_page):
    return sign_up_page(home_page, lambda message: None)


def unsent_supporters(page, count):
    supporters = [
        Supporter.objects.create(page=page, name=f"Person {n}", email=f"person{n}@example.org") for n in range(count)
    ]
    Supporter.objects.update(created_at=timezone.now() - AN_HOUR_AGO)
    return supporters


def owed(kind, home_page):
    """A record owing one e-mail of `kind`, old enough for its retry command: (outbox, record, command)."""
    now = timezone.now()
    if kind == "sign-up":
        [supporter] = unsent_supporters(sign_up_page(home_page, lambda message: None), 1)
        return CONFIRMATIONS, supporter, "send_signup_emails"
    if kind == "registration":
        event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
        registration = RegistrationFactory(event=event)
        Registration.objects.update(created_at=now - AN_HOUR_AGO)
        return REGISTRATION_CONFIRMATIONS, registration, "send_signup_emails"
    if kind == "editors":
        request = EndorsementRequestFactory()
        request.__class__.objects.update(submitted_at=now - AN_HOUR_AGO)
        return EDITORS_EMAILS, request, "send_endorsement_emails"
    request = EndorsementRequestFactory(
        status=RequestStatus.DECLINED, editors_told_at=now, reviewed_at=now - AN_HOUR_AGO
    )
    return DECISION_EMAILS, request, "send_endorsement_emails"


KINDS = ["sign-up", "registration", "editors", "decision"]


def run(command):
    output = StringIO()
    call_command(command, stdout=output)
    return output.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_an_email_another_sender_has_claimed_is_not_sent_again(kind, home_page, admin_user):
    outbox, record, command = owed(kind, home_page)
    assert outbox.claim(record.pk) is not None  # another worker or host is sending it now
    run(command)
    assert not outbox.send(record.pk)
    assert not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_claim_left_by_a_sender_that_died_is_taken_again_after_the_timeout_and_sent_once(
    kind, home_page, admin_user, settings
):
    outbox, record, command = owed(kind, home_page)
    claimed = timezone.now() - timedelta(seconds=settings.EMAIL_CLAIM_TIMEOUT - 30)
    outbox.model.objects.filter(pk=record.pk).update(**{outbox.claimed_field: claimed})
    run(command)
    assert not mail.outbox  # the claim may still be sending
    died = timezone.now() - timedelta(seconds=settings.EMAIL_CLAIM_TIMEOUT + 1)
    outbox.model.objects.filter(pk=record.pk).update(**{outbox.claimed_field: died})
    assert "1 sent, 0 still unsent" in run(command)
    run(command)
    assert len(mail.outbox) == 1
    assert outbox.model.objects.filter(pk=record.pk, **{f"{outbox.sent_field}__isnull": False}).exists()


@pytest.mark.django_db(transaction=True)
def test_overlapping_retry_runs_and_workers_send_each_email_once(home_page):
    supporters = unsent_supporters(sign_up_page(home_page, lambda message: None), 30)
    deliver = mail.backends.locmem.EmailBackend.send_messages
    start = threading.Barrier(4, timeout=30)
    errors = []

    def slow(self, messages):
        time.sleep(0.01)  # a real server's round trip: room for the others to try the same record
        return deliver(self, messages)

    def retry_run():
        try:
            start.wait()
            call_command("send_signup_emails", stdout=StringIO())
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    def worker():
        try:
            start.wait()
            for supporter in supporters:
                send_confirmation.call(supporter.pk)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    with mock.patch.object(mail.backends.locmem.EmailBackend, "send_messages", slow):
        threads = [threading.Thread(target=target) for target in (retry_run, retry_run, worker, worker)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert not errors
    assert sorted(message.to[0] for message in mail.outbox) == sorted(supporter.email for supporter in supporters)
    assert not Supporter.objects.filter(confirmation_sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_a_batch_goes_over_one_connection(signup_page):
    supporters = unsent_supporters(signup_page, 5)
    with SmtpSink() as sink, smtp_settings(sink.port):
        assert "Confirmation e-mails: 5 sent, 0 still unsent." in run("send_signup_emails")
    assert sink.connections == 1
    assert sink.recipients() == {supporter.email: 1 for supporter in supporters}


@pytest.mark.django_db
def test_a_mail_server_that_is_down_loses_nothing_and_the_next_run_sends_each_once(signup_page):
    supporters = unsent_supporters(signup_page, 3)
    with smtp_settings(closed_port()):
        assert "0 sent, 3 still unsent. The mail server failed" in run("send_signup_emails")
    # Nothing is left claimed: the next run, with the server back, takes them at once.
    assert not Supporter.objects.filter(confirmation_claimed_at__isnull=False).exists()
    with SmtpSink() as sink, smtp_settings(sink.port):
        run("send_signup_emails")
        run("send_signup_emails")
    assert sink.recipients() == {supporter.email: 1 for supporter in supporters}


@pytest.mark.django_db
def test_a_stalled_mail_server_holds_a_run_only_until_the_timeout(signup_page):
    supporters = unsent_supporters(signup_page, 3)
    with SmtpSink(stall=True) as stalled, smtp_settings(stalled.port, timeout=1):
        started = time.monotonic()
        assert "0 sent, 3 still unsent. The mail server failed" in run("send_signup_emails")
        # One timeout, not one per e-mail: the batch stops at the first failure.
        assert time.monotonic() - started < 5
    with SmtpSink() as sink, smtp_settings(sink.port):
        run("send_signup_emails")
        run("send_signup_emails")
    assert sink.recipients() == {supporter.email: 1 for supporter in supporters}


@pytest.mark.django_db
def test_a_task_facing_a_stalled_server_gives_up_and_leaves_the_email_for_the_retry(signup_page):
    [supporter] = unsent_supporters(signup_page, 1)
    with SmtpSink(stall=True) as stalled, smtp_settings(stalled.port, timeout=1):
        assert send_confirmation.call(supporter.pk) is False
    supporter.refresh_from_db()
    assert supporter.confirmation_sent_at is None and supporter.confirmation_claimed_at is None


@pytest.mark.django_db
def test_a_refusing_mail_server_loses_nothing(signup_page):
    supporters = unsent_supporters(signup_page, 2)
    with SmtpSink(refuse=True) as refusing, smtp_settings(refusing.port):
        sent, error = send_batch(CONFIRMATIONS, [supporter.pk for supporter in supporters])
    assert sent == 0 and error is not None and not refusing.messages
    assert not Supporter.objects.filter(confirmation_sent_at__isnull=False).exists()
    with SmtpSink() as sink, smtp_settings(sink.port):
        run("send_signup_emails")
    assert sink.recipients() == {supporter.email: 1 for supporter in supporters}


@pytest.mark.django_db
def test_signing_up_again_while_the_first_email_is_being_sent_still_sends_the_new_link(client, signup_page):
    """The first e-mail's link is superseded mid-send: its sender must not mark the new one as sent."""
    deliver = mail.backends.locmem.EmailBackend.send_messages
    second_sign_up = []

    def meanwhile(self, messages):
        if not second_sign_up:
            # The second sign-up's own task is slow to come (here: its queue is down).
            with mock.patch("signup.views.send_confirmation") as queue_down:
                queue_down.enqueue.side_effect = ConnectionError("no task queue")
                data = signup_form_data(signup_page, name="Rosa L. Parks")
                second_sign_up.append(client.post(signup_page.url, data))
        return deliver(self, messages)

    with mock.patch.object(mail.backends.locmem.EmailBackend, "send_messages", meanwhile):
        assert client.post(signup_page.url, signup_form_data(signup_page)).status_code == 302
    assert second_sign_up[0].status_code == 302
    assert len(mail.outbox) == 1
    supporter = Supporter.objects.get()
    assert supporter.confirmation_sent_at is None, "the first send marked the newer e-mail as sent"
    Supporter.objects.update(created_at=timezone.now() - AN_HOUR_AGO)
    run("send_signup_emails")
    run("send_signup_emails")
    assert len(mail.outbox) == 2
    assert "Rosa L. Parks" in mail.outbox[1].body
