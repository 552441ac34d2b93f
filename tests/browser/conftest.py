"""Playwright against a live server, in Debian's Chromium (never a downloaded browser): its headless shell, as
Playwright runs headless tests, lighter than the full browser's headless mode (scripts/install-chromium.sh)."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from playwright.sync_api import expect

# The full browser where the headless shell could not be installed (scripts/install-chromium.sh).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = os.environ.get("CHROMIUM") or (HEADLESS_SHELL if os.path.exists(HEADLESS_SHELL) else "/usr/bin/chromium")
# Quiet, offline Chromium: no background calls to Google on a machine without internet.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EDITOR_PASSWORD = "a-strong-password-for-tests"  # noqa: S105
# Browser checks retry with expect (tests/website/house/test_browser_waits.py). Its default 5 s is short for a
# live server sharing two loaded cores with Chromium and the other process; a page that never comes still fails.
expect.set_options(timeout=15_000)
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def assert_accessible():
    """Runs axe-core (bundled locally) on the page and fails with its report on any WCAG 2.2 AA violation."""
    axe = Axe()

    def check(page, context=None):
        results = axe.run(page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture
def editor_login(live_server, page, django_user_model):
    """Logs a new superuser into the admin through its login form; returns the user."""

    def login(username="editor", password="a-strong-password-for-tests", **fields):
        fields.setdefault("is_superuser", True)
        user = django_user_model.objects.create_user(username=username, password=password, is_staff=True, **fields)
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        return user

    return login


@pytest.fixture
def sign_in(live_server, django_user_model):
    """sign_in(page, group): a new member of the named editors' group, signed in to the admin through its form in
    `page` (each editor in a browser context of their own). Returns the page."""

    def sign_in_as(page, group):
        username = group.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(username, f"{username}@example.org", EDITOR_PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(EDITOR_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    return sign_in_as
