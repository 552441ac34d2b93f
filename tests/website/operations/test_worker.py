"""The real task queue end to end: a visitor's sign-up queued in the database, sent by `manage.py run_worker` running
as its own process, to an SMTP server on the loopback; and a worker stopped and started again losing nothing."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from signup.demo import sign_up_page
from signup.models import Supporter
from tests.signup.utils import form_data
from tests.smtp_sink import SmtpSink

QUEUED = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})


def database_url():
    """This test's own database, for the worker process: it sees what the test committed."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"


def worker(sink, *arguments):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": database_url(),
        "WORKER_TEST_SMTP_PORT": str(sink.port),
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_worker", "--interval", "0.1", *arguments],
        env=environment,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def sign_up_people(client, home_page, count):
    page = sign_up_page(home_page, lambda message: None)
    with QUEUED:
        for number in range(count):
            response = client.post(page.url, form_data(page, email=f"person{number}@example.org"))
            assert response.status_code == 302
    return [f"person{number}@example.org" for number in range(count)]


@pytest.mark.django_db(transaction=True)
def test_a_sign_up_is_confirmed_by_the_worker_process(client, home_page):
    [email] = sign_up_people(client, home_page, 1)
    # Queued, not sent: the visitor's request did not wait on a mail server.
    confirmation = DBTaskResult.objects.filter(task_path="signup.tasks.send_confirmation")
    assert confirmation.get().status == "READY"
    assert Supporter.objects.get().confirmation_sent_at is None
    with SmtpSink() as sink:
        process = worker(sink, "--batch", "--threads", "2")
        output, _ = process.communicate(timeout=120)
        assert process.returncode == 0, output
    assert sink.recipients() == {email: 1}
    [message] = sink.parsed()
    assert "/signup/confirm/" in message.get_payload()
    assert Supporter.objects.get().confirmation_sent_at is not None
    # It ran the rest of the queue too (Wagtail's reference index, updated after the record was saved).
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@pytest.mark.django_db(transaction=True)
def test_a_worker_stopped_mid_queue_and_started_again_sends_each_email_once(client, home_page):
    emails = sign_up_people(client, home_page, 4)
    with SmtpSink(delay=0.5) as sink:
        process = worker(sink, "--threads", "1")
        wait_for(lambda: len(sink.messages) >= 1)
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
        # It finished the e-mail it was sending, and took no more.
        assert process.returncode == 0, output
        assert 1 <= len(sink.messages) < len(emails)
        process = worker(sink, "--batch", "--threads", "2")
        output, _ = process.communicate(timeout=120)
        assert process.returncode == 0, output
    assert sink.recipients() == dict.fromkeys(emails, 1)
    assert not Supporter.objects.filter(confirmation_sent_at__isnull=True).exists()
