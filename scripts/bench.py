#!/usr/bin/env python3
"""`make bench`: the demo site at full size, served as in production, measured with wrk against nginx.

A fresh database (PostgreSQL at 127.0.0.1:5432, database `bench`, when it answers; else SQLite) gets the migrations,
the demo content and its scale-up. gunicorn then serves it with the production settings, four ways: uncached, without
Redis (pages and fragments in each worker's memory, the content generation in the database), with the application's
page cache in Redis, and behind Varnish (deploy/varnish/default.vcl). nginx serving the home
page's HTML as a static file is the yardstick. Everything runs on 127.0.0.1 on free ports, from a temporary
directory that is removed at the end, with every process this script started.

Environment: BENCH_SECONDS (each URL's run, default 10), BENCH_FRONT_SECONDS (the zero-error run through Varnish
at 64 connections, default 60), BENCH_DATABASE (postgres or sqlite; default: PostgreSQL when it answers),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/10; that database is emptied before and after),
BENCH_GUNICORN_THREADS (default 1, gunicorn's sync workers, as the README deploys them behind a buffering proxy;
4, gthread workers of four threads).
"""

import fcntl
import gzip
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
FRONT_SECONDS = int(os.environ.get("BENCH_FRONT_SECONDS", "60"))
CONNECTIONS, FRONT_CONNECTIONS, WORKERS = 16, 64, 2
# As the README deploys them behind Varnish or nginx: gunicorn's sync workers, one request at a time, no keep-alive.
# More than 1: gthread workers, as for gunicorn facing visitors directly.
THREADS = int(os.environ.get("BENCH_GUNICORN_THREADS", "1"))
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE_NAME = "bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
NEWS_SLUG = "left-responds-to-budget-2021"
PAGES = [
    ("home", "/"),
    ("campaign", "/campaigns/recall-conference/"),
    ("news index", "/news/"),
    ("news page", f"/news/{NEWS_SLUG}/"),
    ("endorsements", "/endorsements/"),
    ("search", "/search/?q=budget"),
]
# The issue's targets for the home page: at least this fraction of what nginx serves a static file at.
TARGETS = {"uncached": 300, "no Redis": 700, "app cache": 30, "front cache": 3}
# Browsers ask for compressed responses; so does every run here, nginx's included.
ACCEPT = {"Accept-Encoding": "gzip"}
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


class Bench:
    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-"))
        # nginx's workers and Varnish's child drop root: they must reach their files in here.
        self.tmp.chmod(0o755)
        self.processes = []
        self.postgres = False
        self.redis = None
        self.ports = {name: free_port() for name in ("gunicorn", "varnish", "nginx")}
        self.results = []
        self.checks = []

    # --- set-up ---------------------------------------------------------------------------------------------

    def database_url(self):
        # One run at a time per database: a second run would drop and rebuild the first's database mid-measurement,
        # and the first, ending, would drop the second's.
        self.lock = open(Path(tempfile.gettempdir()) / f"{DATABASE_NAME}-bench.lock", "w")  # noqa: SIM115 (held until exit)
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            sys.exit(f"Another run of this bench is using its database ({DATABASE_NAME}): wait for it to end.")
        choice = os.environ.get("BENCH_DATABASE", "")
        if choice not in ("", "postgres", "sqlite"):
            sys.exit("BENCH_DATABASE is postgres or sqlite.")
        if choice != "sqlite":
            # why: the PostgreSQL driver is needed only when the bench runs on PostgreSQL; SQLite runs need none.
            import psycopg

            try:
                with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3) as connection:
                    connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
                    connection.execute(f"CREATE DATABASE {DATABASE_NAME}")
                self.postgres = True
                return f"{POSTGRES}/{DATABASE_NAME}"
            except psycopg.OperationalError as error:
                if choice == "postgres":
                    sys.exit(f"PostgreSQL at {POSTGRES} does not answer: {error}")
                print(f"PostgreSQL does not answer ({str(error).strip()}): using SQLite.")
        return f"sqlite:///{self.tmp / 'db.sqlite3'}"

    def connect_redis(self):
        # why: Redis is optional for the bench (it measures the cache without it too); imported only when used.
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        try:
            client.flushdb()
        except redis.RedisError as error:
            print(f"Redis at {REDIS_URL} does not answer ({error}): the application's page cache is not measured.")
            return None
        return client

    def environment(self):
        media, static = self.tmp / "media", self.tmp / "static"
        media.mkdir(mode=0o755)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": self.database_url(),
            # The address visitors use is Varnish's: Wagtail's purges name that host.
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.ports['varnish']}",
            "ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on the loopback: there is no TLS here to redirect to.
            "SECURE_SSL_REDIRECT": "false",
            "MEDIA_ROOT": str(media),
            "STATIC_ROOT": str(static),
            # wrk is one address standing in for many visitors.
            "SEARCH_RATE_LIMIT": "10000000/m",
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        for name in ("REDIS_URL", "PAGE_CACHE", "FRONTEND_CACHE_PURGE_URL"):
            self.env.pop(name, None)
        self.redis = self.connect_redis()
        if self.redis is not None:
            self.env["REDIS_URL"] = REDIS_URL

    def manage(self, *args, env=None, quiet=True):
        started = time.monotonic()
        result = subprocess.run(  # noqa: S603 (our own commands, no outside input)
            [BIN / "python", "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
        if not quiet:
            print(result.stdout.strip())
        return time.monotonic() - started

    def build_site(self):
        for step in (
            ["migrate", "--noinput"],
            ["load_demo_content"],
            ["scale_demo_content"],
            ["collectstatic", "--noinput"],
        ):
            print(f"  {' '.join(step):24} {self.manage(*step):6.1f} s")
        if getattr(self, "postgres", False):
            # A live site's tables have their statistics; a database filled a moment ago is still being analysed.
            started = time.monotonic()
            # why: the PostgreSQL driver only when the bench runs on PostgreSQL (as in database_url).
            import psycopg

            with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as connection:
                connection.execute("VACUUM ANALYZE")
            print(f"  {'VACUUM ANALYZE':24} {time.monotonic() - started:6.1f} s")

    # --- servers -----------------------------------------------------------------------------------------

    def start(self, name, command, env=None):
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(  # noqa: S603 (our own commands, no outside input)
            command, cwd=ROOT, env=env or self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        process.log, process.name = log, name
        self.processes.append(process)
        return process

    def stop(self, process):
        # Each server was started in a session of its own: the signal reaches its workers too.
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        process.log.close()
        self.processes.remove(process)

    def wait_until_up(self, process, port, path="/robots.txt"):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                sys.exit(f"{process.name} stopped:\n{(self.tmp / f'{process.name}.log').read_text()[-3000:]}")
            try:
                if fetch(port, path)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit(f"{process.name} did not answer on port {port} within a minute.")

    def start_gunicorn(self, page_cache, redis=True, access_log=None):
        env = {**self.env, "PAGE_CACHE": "on" if page_cache else "off"}
        if not redis:
            # The default without Redis: each worker's own memory, the generation in the database.
            env.pop("REDIS_URL", None)
        env["FRONTEND_CACHE_PURGE_URL"] = f"http://127.0.0.1:{self.ports['varnish']}"
        command = [
            BIN / "gunicorn",
            "website.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.ports['gunicorn']}",
            "--workers",
            str(WORKERS),
            # As deploy/ runs it: the workers' heartbeat file in memory, not on a disk whose journal can stall it.
            "--worker-tmp-dir",
            "/dev/shm",  # noqa: S108 (gunicorn's own heartbeat file, which it makes and removes itself)
        ]
        if THREADS > 1:
            command += ["--worker-class", "gthread", "--threads", str(THREADS)]
        if access_log:
            # Each request's method, path and time in microseconds, as the server measured it.
            command += ["--access-logfile", str(access_log), "--access-logformat", "%(m)s %(U)s %(D)s"]
        process = self.start("gunicorn", command, env)
        self.wait_until_up(process, self.ports["gunicorn"])
        return process

    def start_nginx(self):
        root = self.tmp / "nginx-root"
        root.mkdir(mode=0o755)
        # The yardstick: the home page's own HTML, as a file (and its gzip beside it, as gzip_static serves).
        html = fetch(self.ports["gunicorn"], "/")[2]
        (root / "index.html").write_bytes(html)
        (root / "index.html.gz").write_bytes(gzip.compress(html, 6))
        (self.tmp / "nginx-temp").mkdir(mode=0o755)
        config = self.tmp / "nginx.conf"
        config.write_text(
            f"""
worker_processes {WORKERS};
daemon off;
pid {self.tmp}/nginx.pid;
error_log {self.tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    gzip_static on;
    client_body_temp_path {self.tmp}/nginx-temp/body;
    proxy_temp_path {self.tmp}/nginx-temp/proxy;
    fastcgi_temp_path {self.tmp}/nginx-temp/fastcgi;
    uwsgi_temp_path {self.tmp}/nginx-temp/uwsgi;
    scgi_temp_path {self.tmp}/nginx-temp/scgi;
    server {{
        listen 127.0.0.1:{self.ports["nginx"]};
        root {root};
        # The pictures the home page shows: Django serves no media files in production.
        location /media/ {{ alias {self.env["MEDIA_ROOT"]}/; }}
    }}
}}
"""
        )
        command = [tool_path("nginx"), "-c", str(config), "-p", str(self.tmp), "-e", str(self.tmp / "nginx-error.log")]
        process = self.start("nginx", command)
        self.wait_until_up(process, self.ports["nginx"], "/index.html")

    def start_varnish(self):
        source = (ROOT / "deploy/varnish/default.vcl").read_text()
        vcl, replaced = re.subn(r'(\.port = )"8000";', rf'\1"{self.ports["gunicorn"]}";', source, count=1)
        if not replaced:
            sys.exit('deploy/varnish/default.vcl has no backend .port = "8000"; to point at this run\'s gunicorn.')
        (self.tmp / "default.vcl").write_text(vcl)
        command = [
            tool_path("varnishd"),
            "-F",
            "-a",
            f"127.0.0.1:{self.ports['varnish']}",
            "-f",
            str(self.tmp / "default.vcl"),
            "-n",
            str(self.tmp / "varnish"),
            "-s",
            "malloc,256m",
        ]
        process = self.start("varnish", command)
        self.wait_until_up(process, self.ports["varnish"])

    # --- measuring ---------------------------------------------------------------------------------------

    def warm(self, port, path):
        """Every worker renders the page (and the first one its pictures' renditions) before it is timed.

        Returns how a request is then answered: Varnish's X-Cache, else the app's X-Page-Cache, else "-".
        """
        for _ in range(3 * WORKERS):
            status = fetch(port, path)[0]
            if status != 200:
                sys.exit(f"{path} answered {status} on port {port}; see {self.tmp} logs.")
        wrk(port, path, connections=4, seconds=1)
        headers = fetch(port, path)[1]
        return headers.get("X-Cache") or headers.get("X-Page-Cache") or "-"

    def measure(self, page, mode, port, path, connections=CONNECTIONS, seconds=SECONDS, cache="-"):
        result = wrk(port, path, connections, seconds)
        result.update(page=page, mode=mode, connections=connections, seconds=seconds, cache=cache)
        self.results.append(result)
        print(
            f"  {page:13} {mode:12} {result['rps']:10.1f} req/s  p50 {result['p50']:8.2f} ms  "
            f"p99 {result['p99']:8.2f} ms  errors {result['errors']}  ({connections} connections, {seconds} s)"
        )
        return result

    def run_mode(self, mode, port, pages=PAGES):
        for page, path in pages:
            self.measure(page, mode, port, path, cache=self.warm(port, path))

    def worker_peak_rss(self, gunicorn):
        """The largest peak resident size (VmHWM) among this gunicorn's workers, in MiB."""
        peaks = []
        for worker in children(gunicorn.pid):
            status = Path(f"/proc/{worker}/status").read_text()
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
            if match:
                peaks.append(int(match[1]) / 1024)
        return max(peaks, default=0.0)

    def page_weight(self):
        """The home page and what it loads, in bytes as served: HTML, CSS, JS, and one image per picture."""
        port = self.ports["gunicorn"]
        status, headers, html = fetch(port, "/", {"Accept-Encoding": "br, gzip"})
        varnish_status, _, from_varnish = fetch(self.ports["varnish"], "/", ACCEPT)
        if status != 200 or varnish_status != 200:
            sys.exit(f"The home page answered {status} from gunicorn, {varnish_status} from Varnish.")
        via_varnish = len(from_varnish)
        parser = Assets()
        parser.feed((gzip.decompress(html) if headers.get("Content-Encoding") == "gzip" else html).decode())
        sizes = {"HTML": len(html), "CSS": 0, "JS": 0, "images": 0}
        counts = {"CSS": 0, "JS": 0, "images": 0}
        for kind, url in sorted(set(parser.assets)):
            path = urlsplit(urljoin("/", url)).path
            # Pictures come from the media server (nginx here); CSS and JavaScript from WhiteNoise, compressed.
            source = self.ports["nginx"] if path.startswith("/media/") else port
            asset_status, _, body = fetch(source, path, {"Accept-Encoding": "br, gzip"})
            if asset_status != 200:
                print(f"  {path} answered {asset_status}")
                continue
            sizes[kind] += len(body)
            counts[kind] += 1
        return sizes, counts, via_varnish, headers.get("Content-Encoding", "none")

    def published_edit_check(self):
        """An editor publishes a change to a news page: the next request, through every worker or through Varnish,
        shows it (and the listings that show its title). Nothing is waited for: each fetch follows the publishing."""
        path = f"/news/{NEWS_SLUG}/"
        gunicorn, varnish = self.ports["gunicorn"], self.ports["varnish"]
        for url in (path, "/news/", "/"):
            fetch_at_once(gunicorn, url, 2 * WORKERS)
            fetch(varnish, url)
        cached = fetch(varnish, path)[1].get("X-Cache", "?")
        title = f"Left responds to the Budget, edited {secrets.token_hex(4)}"
        code = (
            "from news.models import NewsPage\n"
            f"page = NewsPage.objects.get(slug={NEWS_SLUG!r})\n"
            f"page.title = {title!r}\n"
            "page.save_revision().publish()\n"
        )
        env = {**self.env, "PAGE_CACHE": "on", "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish}"}
        self.manage("shell", "-c", code, env=env)
        # Wagtail queues its purges as tasks: the worker beside gunicorn runs them (here, what is queued, at once).
        self.manage("run_worker", "--batch", env=env)
        for url, label in ((path, "the news page"), ("/news/", "the news index"), ("/", "the home page")):
            through_workers = all(title in body.decode() for _, _, body in fetch_at_once(gunicorn, url, 2 * WORKERS))
            through_varnish = title in fetch(varnish, url)[2].decode()
            self.check(f"a published edit shows on {label}'s next request through gunicorn", through_workers)
            self.check(f"a published edit shows on {label}'s next request through Varnish", through_varnish)
        return cached

    def embedded_edit_check(self):
        """Without Redis: an edit published by another process (manage.py shell) shows on the next request to every
        worker, each of which kept the pages in its own memory."""
        path = f"/news/{NEWS_SLUG}/"
        gunicorn = self.ports["gunicorn"]
        for url in (path, "/"):
            fetch_at_once(gunicorn, url, 2 * WORKERS)
        title = f"Left responds to the Budget, edited {secrets.token_hex(4)}"
        code = (
            "from news.models import NewsPage\n"
            f"page = NewsPage.objects.get(slug={NEWS_SLUG!r})\n"
            f"page.title = {title!r}\n"
            "page.save_revision().publish()\n"
        )
        env = {key: value for key, value in self.env.items() if key != "REDIS_URL"}
        self.manage("shell", "-c", code, env=env)
        for url, label in ((path, "the news page"), ("/", "the home page")):
            shown = all(title in body.decode() for _, _, body in fetch_at_once(gunicorn, url, 2 * WORKERS))
            self.check(f"without Redis, a published edit shows on {label}'s next request to every worker", shown)

    def check(self, label, passed):
        self.checks.append((label, passed))
        print(f"  {'PASS' if passed else 'FAIL'}  {label}")

    # --- the run -----------------------------------------------------------------------------------------

    def run(self):
        workers = f"{WORKERS} gunicorn workers" + (f" of {THREADS} threads" if THREADS > 1 else " (sync)")
        print(f"make bench: {os.cpu_count()} CPUs, {workers}, {SECONDS} s per URL, {FRONT_SECONDS} s at 64 connections")
        print(f"Building the site in {self.tmp}")
        self.environment()
        print(f"  database: {'PostgreSQL' if self.postgres else 'SQLite'}; Redis: {'yes' if self.redis else 'no'}")
        self.build_site()
        memory = {}

        gunicorn = self.start_gunicorn(page_cache=False)
        self.start_nginx()
        self.start_varnish()
        print("\nnginx, the home page's HTML as a static file")
        nginx = self.measure("static HTML", "nginx", self.ports["nginx"], "/index.html")
        nginx64 = self.measure(
            "static HTML", "nginx", self.ports["nginx"], "/index.html", connections=FRONT_CONNECTIONS
        )
        print("\nUncached: gunicorn, page cache off")
        self.run_mode("uncached", self.ports["gunicorn"])
        memory["uncached"] = self.worker_peak_rss(gunicorn)
        self.stop(gunicorn)

        gunicorn = self.start_gunicorn(page_cache=True, redis=False)
        print("\nWithout Redis: pages and fragments in each worker's memory, the content generation in the database")
        self.run_mode("no Redis", self.ports["gunicorn"])
        memory["no Redis"] = self.worker_peak_rss(gunicorn)
        self.embedded_edit_check()
        self.stop(gunicorn)

        gunicorn = self.start_gunicorn(page_cache=self.redis is not None)
        if self.redis is not None:
            print("\nThe application's page cache (Redis)")
            self.run_mode("app cache", self.ports["gunicorn"])
            memory["app cache"] = self.worker_peak_rss(gunicorn)
        print("\nThe front cache: Varnish in front of gunicorn")
        self.run_mode("front cache", self.ports["varnish"])
        print(f"\nThe front cache under load: the home page at {FRONT_CONNECTIONS} connections")
        front = self.measure(
            "home",
            "front cache",
            self.ports["varnish"],
            "/",
            connections=FRONT_CONNECTIONS,
            seconds=FRONT_SECONDS,
            cache=self.warm(self.ports["varnish"], "/"),
        )
        memory["front cache"] = self.worker_peak_rss(gunicorn)
        weight = self.page_weight()
        print("\nA published edit")
        cached = self.published_edit_check()
        return self.report(nginx, nginx64, front, memory, weight, cached)

    def report(self, nginx, nginx64, front, memory, weight, cached):
        print(
            f"\n{'page':14}{'mode':13}{'cache':7}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
            "  vs nginx"
        )
        for result in self.results:
            yardstick = nginx64 if result["connections"] == FRONT_CONNECTIONS else nginx
            print(
                f"{result['page']:14}{result['mode']:13}{result['cache']:7}{result['connections']:>6}{result['rps']:>10.1f}"
                f"{result['p50']:>9.2f}{result['p99']:>9.2f}{result['errors']:>8}  {ratio(result, yardstick)}"
            )
        print("\nTargets for the home page")
        home = {r["mode"]: r for r in self.results if r["page"] == "home" and r["connections"] == CONNECTIONS}
        for mode, fraction in TARGETS.items():
            if mode in home:
                self.check(
                    f"{mode}: {ratio(home[mode], nginx)} of nginx, at least 1/{fraction}",
                    home[mode]["rps"] * fraction >= nginx["rps"],
                )
        self.check(
            f"front cache: no errors in {front['seconds']} s at {FRONT_CONNECTIONS} connections "
            f"({front['requests']} requests, {ratio(front, nginx64)} of nginx at {FRONT_CONNECTIONS})",
            front["errors"] == 0 and front["requests"] > 0,
        )
        print(f"  (the news page was '{cached}' in Varnish before the edit)")
        print("\nPeak resident memory of a gunicorn worker")
        for mode, mib in memory.items():
            print(f"  {mode:12} {mib:6.1f} MiB")
        sizes, counts, via_varnish, encoding = weight
        print("\nThe home page's weight, compressed as served (a 1x screen that shows AVIF; lazy images included)")
        print(
            f"  HTML    {sizes['HTML'] / 1024:8.1f} KiB from gunicorn ({encoding}), "
            f"{via_varnish / 1024:.1f} KiB via Varnish"
        )
        for kind in ("CSS", "JS", "images"):
            print(f"  {kind:7} {sizes[kind] / 1024:8.1f} KiB in {counts[kind]} files")
        total = via_varnish + sizes["CSS"] + sizes["JS"] + sizes["images"]
        print(f"  total   {total / 1024:8.1f} KiB (HTML via Varnish)")
        failed = [label for label, passed in self.checks if not passed]
        print(f"\n{len(self.checks) - len(failed)} of {len(self.checks)} checks pass.")
        return not failed

    def clean_up(self):
        for process in reversed(self.processes[:]):
            self.stop(process)
        if self.redis is not None:
            self.redis.flushdb()
        if self.postgres:
            # why: the PostgreSQL driver only when the bench ran on PostgreSQL (see database_url).
            import psycopg

            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
        shutil.rmtree(self.tmp, ignore_errors=True)


class Assets(HTMLParser):
    """The stylesheets, scripts, icons and pictures a page makes a browser fetch (one candidate per picture)."""

    def __init__(self):
        super().__init__()
        self.assets, self.in_picture, self.picked = [], False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href") and {"stylesheet", "icon"} & set(attrs.get("rel", "").split()):
            self.assets.append(("CSS" if "stylesheet" in attrs["rel"] else "images", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.assets.append(("JS", attrs["src"]))
        elif tag == "picture":
            self.in_picture, self.picked = True, False
        elif tag in ("source", "img") and not (self.in_picture and self.picked):
            candidate = (attrs.get("srcset") or "").split(",")[0].split() or [attrs.get("src")]
            if candidate[0] and not candidate[0].startswith("data:"):
                self.assets.append(("images", candidate[0]))
                self.picked = self.in_picture

    def handle_endtag(self, tag):
        if tag == "picture":
            self.in_picture = False


def tool_path(name):
    """Where a Debian tool is: nginx and varnishd live in /usr/sbin, which a user's PATH may lack."""
    found = shutil.which(name) or f"/usr/sbin/{name}"
    return found if os.access(found, os.X_OK) else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The fields after the command name (which may hold spaces) start with state, then the parent's id.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def fetch(port, path, headers=None):
    """(status, headers, body as sent: still compressed if it was) for one GET on a new connection."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (our own loopback servers)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def fetch_at_once(port, path, count):
    """`count` requests at the same time, as visitors make them: they spread over the gunicorn workers."""
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda _: fetch(port, path), range(count)))


def wrk(port, path, connections, seconds):
    command = [tool_path("wrk"), "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    for name, value in ACCEPT.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603 (our own commands, no outside input)
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout

    def number(pattern, default=0.0):
        match = re.search(pattern, output)
        return float(match[1]) if match else default

    def latency(percentile):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M)
        return float(match[1]) * UNITS_MS[match[2]] if match else float("nan")

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = sum(int(value) for value in socket_errors.groups()) if socket_errors else 0
    errors += int(number(r"Non-2xx or 3xx responses: (\d+)"))
    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "requests": int(number(r"(\d+) requests in")),
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors,
    }


def ratio(result, yardstick):
    if not result["rps"]:
        return "-"
    return "1/1" if result is yardstick else f"1/{yardstick['rps'] / result['rps']:.1f}"


def main():
    missing = [tool for tool in ("wrk", "nginx", "varnishd") if not tool_path(tool)]
    if missing:
        sys.exit(f"Missing {', '.join(missing)}: run scripts/install-bench-tools.sh (make bench does).")
    run_to_the_end(Bench())


def run_to_the_end(bench):
    """Runs `bench` and exits 0 if it passed; a Ctrl-C or a kill still stops every server and removes its files."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    passed = False
    try:
        passed = bench.run()
    finally:
        bench.clean_up()
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
