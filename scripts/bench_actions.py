#!/usr/bin/env python3
"""`make bench-actions`: a launch's sign-ups (42 a second, the UK petitions site's peak hour) while visitors read.

The demo site at full size (scripts/bench.py builds it: PostgreSQL database `bench_actions` when it answers, else
SQLite) is served as deployed (docs/deploying.md): the production settings, three sync gunicorn workers behind
nginx, the page cache in Redis (127.0.0.1:6379, database 11, emptied before and after), and beside them the task
queue's worker (`run_worker`, at nice 10) and an SMTP sink on 127.0.0.1 started here in a process of its own
(tests/smtp_sink.py). Twice, first with a sink that answers
at once and then with one that takes a second per message, as a busy provider does, it:
- signs people up at a fixed 42 a second for BENCH_SECONDS (120) as a browser does: the form page (GET, for its
  token from /forms/token/ as shared-forms.js fetches it), then the POST, each visitor on connections of its own,
  from BENCH_DRIVERS (3) processes so that no visitor waits on another's interpreter;
- meanwhile reads the home page at a fixed 150 a second (BENCH_READ_RATE) from the same processes, each read on a
  connection of its own sent whole at once (wrk, which paused after reconnecting, held a sync worker idle on each
  of its open connections: a slow client, which the proxy in front spares gunicorn in production);
- then waits for the queue to drain (every record's e-mail received), up to BENCH_DRAIN_LIMIT seconds (900),
and prints the achieved rate, p50/p99 of the POST and of the home page (as the visitors saw them, the targets'
measure; and as gunicorn's access log timed them inside the server), errors, records against successful
answers, e-mails received against records (and any received twice), and how long draining took.

BENCH_ACTION=petition signs the demo's petition to the NEC instead (the same page, token and POST path; records are
signatures, each an e-mail to confirm).

Environment: BENCH_ACTION (signup or petition), BENCH_SINKS (fast or slow: only that run), BENCH_SECONDS,
BENCH_RATE (42), BENCH_WORKER_THREADS (the worker's TASK_WORKER_THREADS, default 12: with the 1 s sink that many
e-mails a second), BENCH_DRAIN_LIMIT, BENCH_DATABASE and BENCH_REDIS_URL as for `make bench`. Not a test: it
exits 1 if a target is missed. Every process it started and its temporary files go when it ends, Ctrl-C included.
"""

import json
import multiprocessing
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import bench
from bench import Bench, fetch, tool_path

ROOT = Path(__file__).resolve().parent.parent

SECONDS = int(os.environ.get("BENCH_SECONDS", "120"))
RATE = float(os.environ.get("BENCH_RATE", "42"))
# Visitors come from this many processes, each its share of the rate: one Python process's threads would queue on
# its own interpreter lock and count that wait as the site's.
DRIVERS = int(os.environ.get("BENCH_DRIVERS", "3"))
# 12 sending threads keep pace with the fast sink and send 12 a second to the slow one. 48 kept pace with both, but
# their 48 database connections, claiming at once, doubled the site's p99 on this 2-core machine: visitors first.
WORKER_THREADS = int(os.environ.get("BENCH_WORKER_THREADS", "12"))
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
# Visitors reading the home page meanwhile, a second.
READ_RATE = float(os.environ.get("BENCH_READ_RATE", "150"))
# The targets.
POST_P99_MS, HOME_P99_MS, FAST_DRAIN_SECONDS = 250, 100, 30
MODES = {"fast": ("fast sink", 0.0), "slow": ("1 s sink", 1.0)}
# BENCH_SINKS=fast (or slow) runs one of the two, for a quick look at one; the targets are met by running both.
SINKS = os.environ.get("BENCH_SINKS", "fast,slow").split(",")
if not set(SINKS) <= MODES.keys():
    sys.exit("BENCH_SINKS is fast, slow or fast,slow.")

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


class Answer:
    """What came back for one request: its status, its headers (by lower-case name) and its body."""

    def __init__(self, raw):
        head, _, self.body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status = int(lines[0].split()[1])
        self.headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            self.headers.setdefault(name.strip().lower(), []).append(value.strip())

    def header(self, name):
        return " ".join(self.headers.get(name, []))


def exchange(port, method, path, headers=(), body=b""):
    """One HTTP/1.0 request on a connection of its own, written at once, read to the end: a plain socket, because
    http.client's own work in three driving processes took a quarter of this 2-core machine, which is the site's."""
    lines = [f"{method} {path} HTTP/1.0", "Host: 127.0.0.1", *headers]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return Answer(b"".join(chunks))


class Load:
    """One driving process's share of the visitors: some signing up, each its own GET, token and POST (what each
    answer was, and how long the POST took), others reading the home page (how long each read took, and failures).
    Each request has a connection of its own, sent whole at once."""

    def __init__(self, port, prefix):
        self.port, self.prefix = port, prefix
        self.posts, self.outcomes, self.reads, self.read_errors = [], {}, [], 0
        self.lock = threading.Lock()

    def read_home(self, number):
        started = time.monotonic()
        try:
            failed = exchange(self.port, "GET", "/", ["Accept-Encoding: gzip"]).status != 200
        except (OSError, ValueError, IndexError):
            failed = True
        took = (time.monotonic() - started) * 1000
        with self.lock:
            if failed:
                self.read_errors += 1
            else:
                self.reads.append(took)

    def visit(self, number):
        email = f"{self.prefix}-{number}@example.org"
        try:
            form = exchange(self.port, "GET", SIGNUP_PATH)
            if form.status != 200:
                return self.note(email, f"form page {form.status}")
            # The page is shared by the caches and holds no token: fetch one as shared-forms.js does.
            token = exchange(self.port, "GET", TOKEN_PATH, ["Accept: application/json"])
            cookie = re.search(r"csrftoken=([^;]+)", token.header("set-cookie"))
            if token.status != 200 or cookie is None:
                return self.note(email, f"token {token.status}")
            fields = {
                **HiddenFields.of(form.body.decode()),
                "csrfmiddlewaretoken": json.loads(token.body)["token"],
                "name": f"Visitor {number}",
                "email": email,
                **ACTION_FIELDS,
                "nickname": "",
            }
            headers = ["Content-Type: application/x-www-form-urlencoded", f"Cookie: csrftoken={cookie[1]}"]
            started = time.monotonic()
            answer = exchange(self.port, "POST", SIGNUP_PATH, headers, urlencode(fields).encode())
            took = (time.monotonic() - started) * 1000
        except (OSError, ValueError, IndexError) as error:
            return self.note(email, type(error).__name__)
        with self.lock:
            self.posts.append(took)
        thanked = answer.status == 302 and "thanks" in answer.header("location")
        return self.note(email, "ok" if thanked else f"POST {answer.status}")

    def note(self, email, outcome):
        with self.lock:
            self.outcomes[email] = outcome

    def drive(self, seconds, start_at, share=0, shares=1):
        """Sign-ups at RATE and home page reads at READ_RATE, this process's share of each. Returns when the last
        has answered."""
        with ThreadPoolExecutor(max_workers=256) as pool:
            arguments = (pool, seconds, start_at, share, shares)
            readers = threading.Thread(target=self.at_fixed_rate, args=(self.read_home, READ_RATE, *arguments))
            readers.start()
            self.at_fixed_rate(self.visit, RATE, *arguments)
            readers.join()

    @staticmethod
    def at_fixed_rate(action, rate, pool, seconds, start_at, share, shares):
        """Starts action(n) at start_at + n/rate (wall clock, shared by every driving process) for each n of this
        process's share, however long earlier ones take."""
        for number in range(share, int(rate * seconds), shares):
            delay = start_at + number / rate - time.time()
            if delay > 0:
                time.sleep(delay)
            pool.submit(action, number)


def drive_share(port, prefix, seconds, share, shares, ready, go, answers):
    """One driving process: says it is ready, waits for the moment every process starts at, drives its share of the
    load and sends back what it measured."""
    load = Load(port, prefix)
    ready.put(share)
    load.drive(seconds, go.get(), share, shares)
    answers.put((load.posts, load.outcomes, load.reads, load.read_errors))


class Visitors:
    """Every visitor, from DRIVERS processes. They start together once every one is ready (a process still
    importing when the others start would send its first seconds' visitors in one burst)."""

    def __init__(self, port, prefix, seconds):
        context = multiprocessing.get_context("spawn")
        ready, go, self.answers = context.Queue(), context.Queue(), context.Queue()
        # Daemonic: a bench stopped part-way (Ctrl-C, a kill) takes them with it, rather than leaving them driving
        # load at whatever listens on that port next.
        args = (port, prefix, seconds)
        self.processes = [
            context.Process(target=drive_share, args=(*args, share, DRIVERS, ready, go, self.answers), daemon=True)
            for share in range(DRIVERS)
        ]
        for process in self.processes:
            process.start()
        for _ in self.processes:
            ready.get(timeout=120)
        self.start_at = time.time() + 0.5
        for _ in self.processes:
            go.put(self.start_at)

    def results(self):
        """Once every visitor has answered: each POST's time, each sign-up's outcome by address, each home page
        read's time, failed reads, and the wall time."""
        posts, outcomes, reads, read_errors = [], {}, [], 0
        for _ in self.processes:
            share_posts, share_outcomes, share_reads, share_read_errors = self.answers.get()
            posts += share_posts
            outcomes.update(share_outcomes)
            reads += share_reads
            read_errors += share_read_errors
        for process in self.processes:
            process.join()
        return posts, outcomes, reads, read_errors, time.time() - self.start_at


class SinkProcess:
    """tests/smtp_sink.py in a process of its own; counts what it received from the file it appends to."""

    def __init__(self, tmp, name, delay):
        self.log = tmp / f"{name}-mail.txt"
        self.command = [sys.executable, str(ROOT / "tests" / "smtp_sink.py"), "--delay", str(delay)]
        self.command += ["--log", str(self.log)]

    def __enter__(self):
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, text=True)  # noqa: S603
        self.port = int(self.process.stdout.readline())
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=15)

    def recipients(self):
        """How many messages each address received."""
        text = self.log.read_text() if self.log.exists() else ""
        return Counter(address for line in text.splitlines() for address in line.split())


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


class ActionsBench(Bench):
    def start_proxy(self):
        """nginx in front of gunicorn, as deployed (docs/deploying.md): it takes each request whole before it hands
        it on, so that no sync worker waits on a client half-way through sending one."""
        (self.tmp / "proxy-temp").mkdir(mode=0o755)
        temp = self.tmp / "proxy-temp"
        config = self.tmp / "proxy.conf"
        config.write_text(
            f"""
worker_processes 1;
daemon off;
pid {self.tmp}/proxy.pid;
error_log {self.tmp}/proxy-error.log warn;
events {{ worker_connections 4096; }}
http {{
    # Each request's method, path and time in seconds from its first byte in to its last byte out.
    log_format timed '$request_method $uri $request_time';
    access_log {self.tmp}/proxy-access.log timed;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{self.ports["nginx"]} backlog=4096;
        location / {{
            proxy_pass http://127.0.0.1:{self.ports["gunicorn"]};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""
        )
        log = self.tmp / "proxy-error.log"
        command = [tool_path("nginx"), "-c", str(config), "-p", str(self.tmp), "-e", str(log)]
        process = self.start("proxy", command)
        self.wait_until_up(process, self.ports["nginx"])
        return process

    def wait_for_worker(self, worker):
        """Until the worker says it has started (run_worker's first line): its start-up is not the site's load."""
        log = self.tmp / f"{worker.name}.log"
        deadline = time.monotonic() + 60
        while "Worker started" not in (log.read_text() if log.exists() else ""):
            if worker.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"The worker did not start:\n{log.read_text()[-3000:] if log.exists() else ''}")
            time.sleep(0.2)

    @staticmethod
    def server_times(log, unit_ms):
        """{(method, path): [ms]} from an access log of lines "method path time", the time in units of `unit_ms`:
        gunicorn's (inside the server, microseconds) or the proxy's (first byte in to last byte out, seconds)."""
        times = {}
        for line in log.read_text().splitlines():
            method, path, taken = line.split()
            times.setdefault((method, path), []).append(float(taken) * unit_ms)
        return {key: times.get(key, []) for key in (("POST", SIGNUP_PATH), ("GET", "/"))}

    def run(self):
        print("Building the demo site at full size...")
        self.environment()
        if self.redis is None:
            sys.exit("Redis does not answer: the page cache, which the home page's target assumes, needs it.")
        if not tool_path("nginx"):
            sys.exit("Missing nginx: run scripts/install-bench-tools.sh (make bench-actions does).")
        self.env.update(
            {
                # Visitors come through the proxy (nginx, in front of gunicorn as deployed).
                "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.ports['nginx']}",
                # Every simulated visitor comes from 127.0.0.1: one address standing in for thousands.
                "SIGNUP_RATE_LIMIT": "10000000/h",
                "EMAIL_USE_TLS": "false",
                "EMAIL_HOST": "127.0.0.1",
                "TASK_WORKER_THREADS": str(WORKER_THREADS),
            }
        )
        self.build_site()
        self.access_log = self.tmp / "access.log"
        self.proxy_log = self.tmp / "proxy-access.log"
        gunicorn = self.start_gunicorn(page_cache=True, access_log=self.access_log)
        proxy = self.start_proxy()
        if fetch(self.ports["nginx"], SIGNUP_PATH)[0] != 200:
            sys.exit(f"{SIGNUP_PATH} does not answer 200.")
        records = Records(self.env["DATABASE_URL"])
        passed = True
        print(
            f"\n{ACTION}: {RATE:g} a second for {SECONDS} s, while the home page is read {READ_RATE:g} times a "
            f"second; nginx in front of 3 sync gunicorn workers; worker: {WORKER_THREADS} threads; {DRIVERS} driving "
            "processes."
        )
        for mode, delay in (MODES[sink] for sink in SINKS):
            passed &= self.run_mode(mode, delay, records, fast=not delay)
        self.stop(proxy)
        self.stop(gunicorn)
        print("\nAll targets met." if passed else "\nSome targets were missed (see above).")
        return passed

    def run_mode(self, mode, delay, records, fast):
        prefix = "fast" if fast else "slow"
        with SinkProcess(self.tmp, prefix, delay) as sink:
            worker = self.start(
                f"worker-{prefix}",
                # As deploy/ runs it: visitors' requests get the CPU first.
                ["nice", "-n", "10", bench.BIN / "python", "manage.py", "run_worker"],
                # Unbuffered, so that its first line reaches the log as it is written.
                {**self.env, "EMAIL_PORT": str(sink.port), "PYTHONUNBUFFERED": "1"},
            )
            self.wait_for_worker(worker)
            for _ in range(6):  # every gunicorn worker keeps the home page before it is timed
                fetch(self.ports["nginx"], "/")
            self.access_log.write_text("")  # this mode's requests only
            self.proxy_log.write_text("")
            posts, outcomes, reads, read_errors, wall = Visitors(self.ports["nginx"], prefix, SECONDS).results()
            last_answer = time.monotonic()
            made = records.count(prefix)
            ok = sum(outcome == "ok" for outcome in outcomes.values())
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
        for outcome in outcomes.values():
            if outcome != "ok":
                errors[outcome] = errors.get(outcome, 0) + 1
        twice = sum(1 for n in counts.values() if n > 1)
        post50, post99 = percentile(posts, 50), percentile(posts, 99)
        print(f"\n== {mode} ({delay:g} s a message)")
        print(
            f"  sign-ups: {len(outcomes)} in {wall:.1f} s = {len(outcomes) / wall:.1f}/s; "
            f"POST p50 {post50:.1f} ms, p99 {post99:.1f} ms; errors {sum(errors.values())} {errors or ''}"
        )
        home99 = percentile(reads, 99)
        print(
            f"  home page: {len(reads)} reads, p50 {percentile(reads, 50):.1f} ms, p99 {home99:.1f} ms, "
            f"errors {read_errors}"
        )
        for who, timed in (
            ("the proxy", self.server_times(self.proxy_log, unit_ms=1000)),
            ("gunicorn", self.server_times(self.access_log, unit_ms=0.001)),
        ):
            print(
                f"  as {who} timed them: "
                + "; ".join(
                    f"{name} p50 {percentile(times, 50):.1f} ms, p99 {percentile(times, 99):.1f} ms"
                    for name, times in (("POST", timed[("POST", SIGNUP_PATH)]), ("home page", timed[("GET", "/")]))
                )
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
            f"home page p99 under {HOME_P99_MS} ms": home99 < HOME_P99_MS,
            "no errors": not errors and not read_errors,
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
