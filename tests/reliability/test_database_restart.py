"""PostgreSQL restarting under load: requests fail cleanly for a moment, and the site recovers by itself."""

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from http.cookiejar import CookieJar

import psycopg
import pytest

from tests.reliability.utils import PrivatePostgres, free_port

MANAGE = [sys.executable, "manage.py"]


# One server and one site for the module: making them (initdb, a migrated database, the demo, two workers booting)
# takes far longer than either test. Each test restarts the database and ends only once the site has recovered, so the
# next finds it as the first did; the sign-ups one leaves behind carry addresses of their own.
@pytest.fixture(scope="module")
def private_postgres(migrated_copy):
    """The private server, its database migrated: a copy of the test database as migrated when the tests run on
    PostgreSQL (conftest.py's migrated_copy), so that only the SQLite run migrates it here."""
    server = PrivatePostgres()
    server.initialise()
    server.migrated = False
    if migrated_copy and migrated_copy.startswith("postgres"):
        server.migrated = server.copy_database(migrated_copy)
    yield server
    server.remove()


@pytest.fixture(scope="module")
def app_server(private_postgres):
    """Two gunicorn workers on the private database, keeping connections open as production does."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": private_postgres.url,
        "CONN_MAX_AGE": "60",
        # The load test signs up far more people from one address than the site lets a flood do.
        "SIGNUP_RATE_LIMIT": "100000/h",
    }
    commands = (
        [["load_demo_content"]] if private_postgres.migrated else [["migrate", "--noinput"], ["load_demo_content"]]
    )
    for command in commands:
        subprocess.run([*MANAGE, *command], env=env, check=True, capture_output=True, timeout=300)
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    process = subprocess.Popen(  # noqa: S603
        [gunicorn, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "30"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    # A busy machine takes a while to boot two workers; what is tested starts once the site answers.
    deadline = time.monotonic() + 90
    while status(base + "/") != 200:
        assert time.monotonic() < deadline, "the site did not start"
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=30)


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer in itself: the sign-up's 302 to its thank-you page says it was accepted."""

    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, data=None, headers=None, opener=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None, ""


def status(url):
    return fetch(url)[0]


def wait_until(condition, seconds, what):
    """Polls `condition` until it holds; fails saying `what` did not happen within `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} within {seconds} s"
        time.sleep(0.05)


# Answers in a row, all served, that count as recovered: with four visitors and two workers, both workers many
# times over.
RECOVERED = 16


def restart_under_load(private_postgres, visit, served, visitors=4):
    """Calls visit() over and over from `visitors` threads while the database stops and starts again.

    Each step waits for what it is about, rather than for a fixed time: visits served before the stop; the site
    noticing the outage (an answer that is not served); then RECOVERED answers in a row served after the start.
    Returns [(when, what visit returned)], and when the database went down and came back up.
    """
    results = []
    stop = threading.Event()

    def visitor():
        while not stop.is_set():
            outcome = visit()
            results.append((time.monotonic(), outcome))

    def served_since(moment):
        return sum(1 for at, outcome in results if at > moment and served(outcome))

    def unserved_since(moment):
        return any(at > moment and not served(outcome) for at, outcome in results)

    def recovered():
        tail = [outcome for at, outcome in results if at > up_at][-RECOVERED:]
        return len(tail) == RECOVERED and all(served(outcome) for outcome in tail)

    threads = [threading.Thread(target=visitor) for _ in range(visitors)]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: served_since(0) >= visitors, 60, "the site served no visits before the outage")
        down_at = time.monotonic()
        private_postgres.stop("fast")
        wait_until(lambda: unserved_since(down_at), 30, "the site did not notice the database was down")
        private_postgres.start()
        up_at = time.monotonic()
        wait_until(recovered, 30, f"the site did not serve {RECOVERED} visits in a row after the restart")
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    return results, down_at, up_at


def test_the_site_answers_503_while_the_database_restarts_and_recovers_by_itself(private_postgres, app_server):
    def visit():
        code, body = fetch(app_server + "/")
        return code, "Back in a moment" in body

    results, down_at, up_at = restart_under_load(private_postgres, visit, served=lambda outcome: outcome[0] == 200)
    answers = [(at, code, friendly) for at, (code, friendly) in results]
    codes = Counter(code for _, code, _ in answers)
    # Every answer is the page or the clean "back in a moment" page: no 500, no dropped connection.
    assert set(codes) <= {200, 503}, codes
    assert all(friendly for _, code, friendly in answers if code == 503)
    assert codes[503] > 0, "the outage was never seen; the test did not test anything"
    assert all(code == 200 for at, code, _ in answers if at < down_at)
    # Recovered by itself: the last requests, after the restart, are all served.
    late = [code for at, code, _ in answers if at > up_at][-RECOVERED:]
    assert len(late) == RECOVERED and set(late) == {200}, Counter(late)


def form_value(html, name):
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{name}"', html)
    return match and (match.group(1) or match.group(2))


def sign_up_once(base, email):
    """A visitor's whole sign-up: the form (for its CSRF token and consent version), then the post."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), KeepRedirects)
    code, html = fetch(base + "/sign-up/", opener=opener)
    if code != 200:
        return "form", code
    # The form page is shared by every visitor: its token comes from /forms/token/, as shared-forms.js fetches it.
    code, token = fetch(base + "/forms/token/", opener=opener)
    if code != 200:
        return "form", code
    data = {
        "csrfmiddlewaretoken": json.loads(token)["token"],
        "consent_version": form_value(html, "consent_version"),
        "name": "Load Tester",
        "email": email,
        "data_consent": "on",
        "nickname": "",
    }
    headers = {"Referer": base + "/sign-up/", "Content-Type": "application/x-www-form-urlencoded"}
    code, _ = fetch(base + "/sign-up/", urllib.parse.urlencode(data).encode(), headers, opener=opener)
    return "post", code


def test_no_accepted_sign_up_is_lost_while_the_database_restarts(private_postgres, app_server):
    def visit():
        email = f"load-{uuid.uuid4().hex[:12]}@example.org"
        return (*sign_up_once(app_server, email), email)

    results, down_at, up_at = restart_under_load(
        private_postgres, visit, served=lambda outcome: outcome[:2] == ("post", 302)
    )
    posts = [(at, step, code, email) for at, (step, code, email) in results]

    with psycopg.connect(private_postgres.url) as connection:
        stored = {email for (email,) in connection.execute("SELECT email FROM campaigns_supporter")}
    accepted = [email for _, step, code, email in posts if step == "post" and code == 302]
    lost = [email for email in accepted if email not in stored]
    assert not lost, f"{len(lost)} of {len(accepted)} accepted sign-ups are not in the database"
    codes = Counter((step, code) for _, step, code, _ in posts)
    # Refused cleanly (503, "send it again") or accepted: never a server error or a dropped connection.
    assert set(codes) <= {("form", 503), ("post", 503), ("post", 302)}, codes
    assert codes["form", 503] + codes["post", 503] > 0, "the outage was never seen; the test did not test anything"
    assert any(at < down_at and code == 302 for at, _, code, _ in posts), "no sign-up went through before the outage"
    late = [(step, code) for at, step, code, _ in posts if at > up_at][-RECOVERED:]
    assert len(late) == RECOVERED and set(late) == {("post", 302)}, f"sign-ups did not resume: {Counter(late)}"
