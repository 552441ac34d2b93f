"""`make screenshots`: every public page type at 1280 and 390 px and the editors' main screens, as PNGs in
screenshots/ (git ignores it), so a reviewer sees the whole site in a minute. Not a test.

It builds the demo site in a throwaway SQLite database, serves it on a free local port with the development
settings, logs a throwaway administrator in, and drives Debian's Chromium (never a downloaded browser). Everything
it started and its temporary files go when it ends. SCREENSHOTS_URL (with SCREENSHOTS_USER and
SCREENSHOTS_PASSWORD for the admin) points it at a site already running instead.
"""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "screenshots"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
# One page of each public page type in the demo (name, path); editors' screens are added once ids are known.
PUBLIC_PAGES = [
    ("home", "/"),
    ("standard-page", "/get-involved/"),
    ("sign-up", "/sign-up/"),
    ("campaign-index", "/campaigns/"),
    ("campaign", "/campaigns/recall-conference/"),
    ("event-index", "/events/"),
    ("event", "/events/rally-to-reclaim-democracy/"),
    ("past-event", "/events/rally-before-the-nec-organising-committee/"),
    ("news-index", "/news/"),
    ("news-item", "/news/left-responds-to-budget-2021/"),
    ("endorsements", "/endorsements/"),
    ("ask-to-endorse", "/endorsements/ask/"),
    ("social", "/social/"),
    ("search", "/search/?q=rally"),
    ("not-found", "/no-such-page/"),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"The site did not answer at {url}")


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def build_site(workdir, port):
    """A fresh demo site and an administrator in a database of its own; returns (env, username, password)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir}/screenshots.sqlite3",
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    password = secrets.token_urlsafe(16)
    script = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('screenshots', 'screenshots@example.org', {password!r})"
    )
    manage(env, "shell", "-c", script)
    return env, "screenshots", password


def editor_pages(base_url, page):
    """The editors' main screens: dashboard, page explorer, a campaign's editor, the snippets listing."""
    page.goto(f"{base_url}/admin/pages/")
    home_link = page.locator("a[href*='/admin/pages/'][href$='/']").filter(has_text="Broad Left Network").first
    explorer = home_link.get_attribute("href") if home_link.count() else "/admin/pages/"
    page.goto(f"{base_url}{explorer}")
    campaigns = page.locator("a[href*='/admin/pages/']").filter(has_text="Latest campaigns").first
    campaign_explorer = campaigns.get_attribute("href") if campaigns.count() else explorer
    page.goto(f"{base_url}{campaign_explorer}")
    editor = page.locator("a[href*='/edit/']").filter(has_text="Reclaim democracy").first
    edit_url = editor.get_attribute("href") if editor.count() else "/admin/pages/"
    return [
        ("admin-dashboard", "/admin/"),
        ("admin-explorer", explorer),
        ("admin-page-editor", edit_url),
        ("admin-snippets", "/admin/snippets/"),
    ]


def shoot(base_url, username, password):
    # why: Playwright is a test-only requirement (requirements-test.txt); the demo build runs before it is needed.
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PUBLIC_PAGES:
                page.goto(f"{base_url}{path}", wait_until="networkidle")
                # A full-page picture shows what is below the fold, whose lazy images have not loaded yet.
                page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
            if username:
                page.goto(f"{base_url}/admin/login/")
                page.get_by_label("Username").fill(username)
                page.get_by_label("Password").fill(password)
                page.get_by_role("button", name="Sign in").click()
                page.wait_for_url(f"{base_url}/admin/")
                for name, path in editor_pages(base_url, page):
                    page.goto(f"{base_url}{path}", wait_until="networkidle")
                    target = OUT / f"{name}-{width}.png"
                    page.screenshot(path=target, full_page=width_name == "phone")
                    written.append(target)
            context.close()
        browser.close()
    return written


def main():
    base_url = os.environ.get("SCREENSHOTS_URL", "").rstrip("/")
    if base_url:
        written = shoot(base_url, os.environ.get("SCREENSHOTS_USER", ""), os.environ.get("SCREENSHOTS_PASSWORD", ""))
    else:
        with tempfile.TemporaryDirectory(prefix="screenshots-") as workdir:
            port = free_port()
            print("Building the demo site in a throwaway database…")
            env, username, password = build_site(workdir, port)
            server = subprocess.Popen(  # noqa: S603 - our own manage.py
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                base_url = f"http://127.0.0.1:{port}"
                wait_for(f"{base_url}/")
                written = shoot(base_url, username, password)
            finally:
                server.terminate()
                server.wait(timeout=10)
    print(f"{len(written)} screenshots in {OUT}/")


if __name__ == "__main__":
    main()
