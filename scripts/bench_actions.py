#!/usr/bin/env python3
"""`make bench-actions`: a launch's sign-ups (42 a second, the UK petitions site's peak hour) while visitors read.

The demo site at full size (scripts/bench.py builds it: PostgreSQL database `bench_actions` when it answers, else
SQLite) is served with the production settings by three sync gunicorn workers, with the page cache in Redis
(127.0.0.1:6379, database 11, emptied before and after), beside the task queue's worker (`run_worker`) and an SMTP
sink on 127.0.0.1 started here (tests/smtp_sink.py). Twice, first with a sink that answers at once and then with
one that takes a second per message, as a busy provider does, it:
- signs people up at a fixed 42 a second for BENCH_SECONDS (120) as a browser does: the form page (GET, for its
  token from /forms/token/ as shared-forms.js fetches it), then the POST, each visitor on connections of its own;
- meanwhile reads the home page with wrk (8 connections, each pausing 50 ms between requests: about 150 a second);
- then waits for the queue to drain (every record's e-mail received), up to BENCH_DRAIN_LIMIT seconds (900),
and prints the achieved rate, p50/p99 of the POST and of the home page, errors, records against successful
answers, e-mails received against records (and any received twice), and how long draining took.

BENCH_ACTION=petition signs the demo's petition to the NEC instead (the same page, token and POST path; records are
signatures, each an e-mail to confirm).

Environment: BENCH_ACTION (signup or petition), BENCH_SECONDS, BENCH_RATE (42), BENCH_WORKER_THREADS (the
worker's TASK_WORKER_THREADS, default 48: with the 1 s sink that many e-mails a second), BENCH_DRAIN_LIMIT,
BENCH_DATABASE and BENCH_REDIS_URL as for `make bench`. Not a test: it exits 1 if a target is missed. Every process
it started and its temporary files go when it ends, Ctrl-C included.
"""

import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import bench
from bench import Bench, fetch, tool_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.smtp_sink import SmtpSink  # noqa: E402 (the repository's root is on the path only from here)

SECONDS = int(os.environ.get("BENCH_SECONDS", "120"))
RATE = float(os.environ.get("BENCH_RATE", "42"))
WORKER_THREADS = int(os.environ.get("BENCH_WORKER_THREADS", "48"))
DRAIN_LIMIT = int(os.environ.get("BENCH_DRAIN_LIMIT", "900"))
# What a visitor does: the form's address, what they type beyond its hidden fields, and the table its records go to.
ACTIONS = {
    "signup": (
        "/sign-up/",
        {"postcode": "L1 8JQ", "email_updates": "on", "data_consent": "on"},
        "campaigns_supporter",
    ),
    "petition": (
        "/campaigns/recall-conference/petition-to-the-nec/",
        {"postcode": "L1 8JQ", "show_name": "on", "data_consent": "on"},
        "petitions_signature",
    ),
}
ACTION = os.environ.get("BENCH_ACTION", "signup")
if ACTION not in ACTIONS:
    sys.exit(f"BENCH_ACTION is one of {', '.join(ACTIONS)}.")
SIGNUP_PATH, ACTION_FIELDS, RECORD_TABLE = ACTIONS[ACTION]
TOKEN_PATH = "/forms/token/"  # noqa: S105 (an address, not a secret)
READERS, READER_PAUSE_MS = 8, 50
# The targets.
POST_P99_MS, HOME_P99_MS, FAST_DRAIN_SECONDS = 250, 100, 30
MODES = [("fast sink", 0.0), ("1 s sink", 1.0)]

bench.DATABASE_NAME = "bench_actions"
bench.REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
bench.WORKERS = 3


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share / 100))]


class HiddenFields:
    """The form's hidden inputs (the CSRF token, the consent wording's version), read as a browser would."""

    pattern = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')

    @classmethod
    def of(cls, html):
        return dict(cls.pattern.findall(html))


class SignUps:
    """Visitors signing up at a fixed rate, each its own GET then POST; what each answer was and how long the POST
    took."""

    def __init__(self, port, prefix):
        self.port, self.prefix = port, prefix
        self.posts, self.outcomes = [], {}
        self.lock = threading.Lock()

    def visit(self, number):
        email = f"{self.prefix}-{number}@example.org"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            connection.request("GET", SIGNUP_PATH)
            response = connection.getresponse()
            html = response.read().decode()
            if response.status != 200:
                return self.note(email, f"form page {response.status}")
            connection.close()
            # The page is shared by the caches and holds no token: fetch one as shared-forms.js does (a new
            # connection, as gunicorn's sync workers close each one after its answer).
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            connection.request("GET", TOKEN_PATH, headers={"Accept": "application/json"})
            response = connection.getresponse()
            answer = response.read().decode()
            cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
            if response.status != 200 or cookie is None:
                return self.note(email, f"token {response.status}")
            connection.close()
            fields = {
                **HiddenFields.of(html),
                "csrfmiddlewaretoken": json.loads(answer)["token"],
                "name": f"Visitor {number}",
                "email": email,
                **ACTION_FIELDS,
                "nickname": "",
            }
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            started = time.monotonic()
            connection.request(
                "POST",
                SIGNUP_PATH,
                urlencode(fields),
                {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie[1]}"},
            )
            response = connection.getresponse()
            response.read()
            took = (time.monotonic() - started) * 1000
            connection.close()
        except (OSError, http.client.HTTPException) as error:
            return self.note(email, type(error).__name__)
        with self.lock:
            self.posts.append(took)
        thanked = response.status == 302 and "thanks" in (response.getheader("Location") or "")
        return self.note(email, "ok" if thanked else f"POST {response.status}")

    def note(self, email, outcome):
        with self.lock:
            self.outcomes[email] = outcome

    def drive(self, rate, seconds):
        """Starts one visitor every 1/rate s for `seconds`, however long earlier ones take. Returns the wall time."""
        total = int(rate * seconds)
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=256) as pool:
            for number in range(total):
                delay = started + number / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(self.visit, number)
        return time.monotonic() - started


class Records:
    """The bench's own sign-up records, counted straight from the database."""

    def __init__(self, database_url):
        self.url = database_url

    def count(self, prefix, unsent=False):
        query = f"SELECT count(*) FROM {RECORD_TABLE} WHERE email LIKE %s"  # noqa: S608 (a name from ACTIONS)
        if unsent:
            query += " AND confirmation_sent_at IS NULL"
        pattern = f"{prefix}-%"
        if self.url.startswith("sqlite"):
            # why: each database's driver only for that database (psycopg may not be installed for SQLite runs).
            import sqlite3

            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30) as connection:
                return connection.execute(query.replace("%s", "?"), [pattern]).fetchone()[0]
        # why: as above, the PostgreSQL driver only when the bench runs on PostgreSQL.
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(query, [pattern]).fetchone()[0]


def home_page_readers(port, seconds, script):
    command = [
        tool_path("wrk"),
        "-t2",
        f"-c{READERS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(script),
        "-H",
        "Accept-Encoding: gzip",
        f"http://127.0.0.1:{port}/",
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603


def read_wrk(output):
    def latency(share):
        match = re.search(rf"^\s+{share}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M)
        return float(match[1]) * bench.UNITS_MS[match[2]] if match else float("nan")

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = sum(int(value) for value in socket_errors.groups()) if socket_errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx[1]) if non_2xx else 0
    requests = re.search(r"(\d+) requests in", output)
    return {"requests": int(requests[1]) if requests else 0, "p50": latency(50), "p99": latency(99), "errors": errors}


class ActionsBench(Bench):
    def run(self):
        if not tool_path("wrk"):
            sys.exit("Missing wrk: run scripts/install-bench-tools.sh (make bench-actions does).")
        print("Building the demo site at full size...")
        self.environment()
        if self.redis is None:
            sys.exit("Redis does not answer: the page cache, which the home page's target assumes, needs it.")
        self.env.update(
            {
                "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.ports['gunicorn']}",
                # Every simulated visitor comes from 127.0.0.1: one address standing in for thousands.
                "SIGNUP_RATE_LIMIT": "10000000/h",
                "EMAIL_USE_TLS": "false",
                "EMAIL_HOST": "127.0.0.1",
                "TASK_WORKER_THREADS": str(WORKER_THREADS),
            }
        )
        self.build_site()
        gunicorn = self.start_gunicorn(page_cache=True)
        if fetch(self.ports["gunicorn"], SIGNUP_PATH)[0] != 200:
            sys.exit(f"{SIGNUP_PATH} does not answer 200.")
        script = self.tmp / "pause.lua"
        script.write_text(f"function delay()\n  return {READER_PAUSE_MS}\nend\n")
        records = Records(self.env["DATABASE_URL"])
        passed = True
        print(
            f"\n{ACTION}: {RATE:g} a second for {SECONDS} s; wrk reads the home page ({READERS} connections, "
            f"{READER_PAUSE_MS} ms between requests); 3 sync gunicorn workers; worker: {WORKER_THREADS} threads."
        )
        for mode, delay in MODES:
            passed &= self.run_mode(mode, delay, script, records, fast=not delay)
        self.stop(gunicorn)
        print("\nAll targets met." if passed else "\nSome targets were missed (see above).")
        return passed

    def run_mode(self, mode, delay, script, records, fast):
        prefix = "fast" if fast else "slow"
        with SmtpSink(delay=delay) as sink:
            worker = self.start(
                f"worker-{prefix}",
                [bench.BIN / "python", "manage.py", "run_worker"],
                {**self.env, "EMAIL_PORT": str(sink.port)},
            )
            for _ in range(6):  # every gunicorn worker keeps the home page before it is timed
                fetch(self.ports["gunicorn"], "/")
            signups = SignUps(self.ports["gunicorn"], prefix)
            readers = home_page_readers(self.ports["gunicorn"], SECONDS, script)
            wall = signups.drive(RATE, SECONDS)
            last_answer = time.monotonic()
            home = read_wrk(readers.communicate()[0])
            made = records.count(prefix)
            ok = sum(outcome == "ok" for outcome in signups.outcomes.values())
            # Draining: every record's e-mail received, and none left unsent.
            while time.monotonic() - last_answer < DRAIN_LIMIT:
                received = sum(1 for address in sink.recipients() if address.startswith(f"{prefix}-"))
                if received >= made and not records.count(prefix, unsent=True):
                    break
                time.sleep(0.5)
            drained = time.monotonic() - last_answer
            self.stop(worker)
            counts = {address: n for address, n in sink.recipients().items() if address.startswith(f"{prefix}-")}
        errors = {}
        for outcome in signups.outcomes.values():
            if outcome != "ok":
                errors[outcome] = errors.get(outcome, 0) + 1
        twice = sum(1 for n in counts.values() if n > 1)
        post50, post99 = percentile(signups.posts, 50), percentile(signups.posts, 99)
        print(f"\n== {mode} ({delay:g} s a message)")
        print(
            f"  sign-ups: {len(signups.outcomes)} in {wall:.1f} s = {len(signups.outcomes) / wall:.1f}/s; "
            f"POST p50 {post50:.1f} ms, p99 {post99:.1f} ms; errors {sum(errors.values())} {errors or ''}"
        )
        print(
            f"  home page: {home['requests']} reads, p50 {home['p50']:.1f} ms, p99 {home['p99']:.1f} ms, "
            f"errors {home['errors']}"
        )
        print(f"  records {made}, successful answers {ok}")
        expected = made * delay / WORKER_THREADS if delay else 0
        print(
            f"  e-mails received {sum(counts.values())} to {len(counts)} addresses (records {made}; "
            f"received twice: {twice}); drained {drained:.1f} s after the last sign-up"
            + (f" (at {delay:g} s a message, {WORKER_THREADS} threads need about {expected:.0f} s)" if delay else "")
        )
        checks = {
            f"POST p99 under {POST_P99_MS} ms": post99 < POST_P99_MS,
            f"home page p99 under {HOME_P99_MS} ms": home["p99"] < HOME_P99_MS,
            "no errors": not errors and not home["errors"],
            "records = successful answers": made == ok,
            "e-mails = records, each once": len(counts) == made and not twice,
        }
        if fast:
            checks[f"drained within {FAST_DRAIN_SECONDS} s"] = drained <= FAST_DRAIN_SECONDS
        for name, met in checks.items():
            print(f"  [{'ok' if met else 'MISSED'}] {name}")
        return all(checks.values())


if __name__ == "__main__":
    bench.run_to_the_end(ActionsBench())
