"""Every kind of page carries the protective headers; public pages also hold nothing a strict CSP would block."""

import json
import os
import subprocess
import sys

import pytest
from django.test import override_settings
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage
from endorsements.models import EndorsementsPage
from news.models import NewsIndexPage, NewsPage
from signup.models import SignUpPage
from tests.utils import assert_no_inline_code
from tests.website.utils import PRODUCTION, PROJECT, TEST_ONLY
from website.models import StandardPage

# What a browser must never be allowed to run or load on a public page.
UNSAFE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"}


def policy(header):
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def first_url(model):
    page = model.objects.live().first()
    assert page is not None, f"the demo site has no live {model.__name__}"
    return page.url


def public_urls():
    news_index = NewsIndexPage.objects.live().first()
    endorsements = EndorsementsPage.objects.live().first()
    return {
        "home": "/",
        "standard page": first_url(StandardPage),
        "campaign index": first_url(CampaignIndexPage),
        "campaign page": first_url(CampaignPage),
        "event index": first_url(EventIndexPage),
        "event page": first_url(EventPage),
        "news index": news_index.url,
        "news page": first_url(NewsPage),
        "endorsements page": endorsements.url,
        "endorsement request form": endorsements.url + endorsements.reverse_subpage("ask"),
        "sign-up page": first_url(SignUpPage),
        "search": "/search/?q=campaign",
        "social feed": "/social/",
        "RSS feed": news_index.feed_url("rss"),
        "Atom feed": news_index.feed_url("atom"),
        "404": "/no-such-page/",
    }


def assert_common_headers(response, where):
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", where
    assert response["X-Frame-Options"] in ("SAMEORIGIN", "DENY"), where
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, f"{where}: {feature} not denied in {permissions!r}"


@pytest.mark.django_db
def test_every_public_page_type_carries_a_strict_policy_and_no_inline_code(client, demo_site):
    for where, url in public_urls().items():
        response = client.get(url)
        assert response.status_code == (404 if where == "404" else 200), f"{where} ({url}): {response.status_code}"
        assert_common_headers(response, where)
        directives = policy(response["Content-Security-Policy"])
        assert directives["default-src"] == ["'self'"], where
        assert directives["object-src"] == ["'none'"], where
        assert directives["frame-ancestors"] == ["'self'"], where
        assert directives["base-uri"] == ["'self'"], where
        assert directives["form-action"] == ["'self'"], where
        for directive in ("script-src", "style-src"):
            assert not UNSAFE_SOURCES & set(directives[directive]), f"{where}: {directive} {directives[directive]}"
        if "html" in response["Content-Type"]:
            assert_no_inline_code(response.content.decode())


@pytest.mark.django_db
def test_the_admin_carries_the_protective_headers(client, admin_client, demo_site):
    page = Page.objects.get(url_path="/home/").get_children().live().first()
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert_common_headers(login, "admin login")
    for where, url in {"dashboard": "/admin/", "page editor": f"/admin/pages/{page.pk}/edit/"}.items():
        response = admin_client.get(url)
        assert response.status_code == 200, f"{where}: {response.status_code}"
        assert_common_headers(response, where)


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_over_https_with_production_settings_pages_demand_https_and_cookies_stay_on_it(
    client, demo_site, django_user_model
):
    assert client.get("/").status_code == 301  # plain HTTP is sent to HTTPS
    response = client.get("/forms/token/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response.cookies["csrftoken"]["secure"] is True
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-enough-password")
    login = client.post("/admin/login/", {"username": "editor", "password": "a-long-enough-password"}, secure=True)
    assert login.status_code == 302
    session = login.cookies["sessionid"]
    assert session["secure"] is True and session["httponly"] is True
    # Expires when the browser closes: no max-age or expiry date is sent with it.
    assert not session["max-age"] and not session["expires"]
    assert login["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_production_settings_turn_on_https_only_cookies_and_hsts():
    """The values the test above overrides are the production module's own."""
    names = [
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_AGE",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "X_FRAME_OPTIONS",
    ]
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}} | "
        "{'CSP': s.CONTENT_SECURITY_POLICY['DIRECTIVES']}, default=list))"
    )
    environment = {key: value for key, value in os.environ.items() if key not in TEST_ONLY}
    environment.update(PRODUCTION)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True and values["SECURE_HSTS_PRELOAD"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_AGE"] <= 12 * 60 * 60 and values["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert values["X_FRAME_OPTIONS"] == "SAMEORIGIN"
    csp = values["CSP"]
    assert csp["upgrade-insecure-requests"] is True
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-inline'" not in csp["style-src"]
