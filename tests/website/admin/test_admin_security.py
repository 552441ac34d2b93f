import importlib
from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import clear_url_caches
from django.utils import timezone

import website.urls
from tests.utils import assert_no_inline_code

LOGIN = "/admin/login/"


def attempt(client, password, address="203.0.113.5"):
    return client.post(LOGIN, {"username": "editor", "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "the-right-password-1")


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_repeated_wrong_passwords_lock_the_account_out_from_that_address(client, editor):
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200  # the login form again, with its error
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    # Even the right password is refused while the lock holds.
    assert attempt(client, "the-right-password-1").status_code == 429
    # The account's owner, elsewhere, still gets in.
    assert attempt(client, "the-right-password-1", address="198.51.100.20").status_code == 302


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_a_successful_login_clears_earlier_failures(client, editor):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, "the-right-password-1").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200


@pytest.mark.django_db
def test_weak_passwords_are_refused(editor):
    for weak in ["password123", "12345678901234", "editor@example.org"]:
        with pytest.raises(ValidationError):
            validate_password(weak, editor)


@pytest.mark.django_db
def test_public_pages_send_the_protective_headers(client, demo_site):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "unsafe-inline" not in policy
    assert_no_inline_code(response.content.decode())


@pytest.mark.django_db
def test_the_admin_sends_protective_headers_and_still_works(admin_client, demo_site):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_an_editors_session_ends_after_a_working_day_and_with_the_browser(client, editor):
    login = attempt(client, "the-right-password-1")
    assert login.status_code == 302
    cookie = login.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    session = Session.objects.get()
    lifetime = session.expire_date - timezone.now()
    assert timedelta(hours=11, minutes=59) < lifetime <= timedelta(hours=12)
    assert client.get("/admin/").status_code == 200
    # Twelve hours on, the same cookie opens nothing.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.fixture
def admin_at_another_path(settings):
    """The site as started with ADMIN_URL_PATH=office: settings and URLs as that start-up would make them."""
    policy = settings.CONTENT_SECURITY_POLICY
    settings.ADMIN_URL_PATH = "office"
    settings.CONTENT_SECURITY_POLICY = {**policy, "EXCLUDE_URL_PREFIXES": ["/office/"]}
    importlib.reload(website.urls)
    clear_url_caches()
    yield
    settings.ADMIN_URL_PATH = "admin"
    settings.CONTENT_SECURITY_POLICY = policy
    importlib.reload(website.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_the_admin_moves_to_its_configured_path_and_is_gone_from_admin(admin_at_another_path, editor):
    client = Client()  # its middleware is set up with the new path
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    home = client.get("/office/")
    assert home.status_code == 302 and home["Location"].startswith("/office/login/")
    assert client.get("/office/login/").status_code == 200
    login = client.post("/office/login/", {"username": "editor", "password": "the-right-password-1"})
    assert login.status_code == 302
    assert client.get("/office/").status_code == 200
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /office/" in robots and "/admin/" not in robots


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_lock_out_holds_the_guesser_not_everyone_behind_it(client, editor):
    def through_proxy(password, visitor):
        return client.post(
            LOGIN,
            {"username": "editor", "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=visitor,
        )

    for _ in range(5):
        through_proxy("wrong", "203.0.113.5")
    assert through_proxy("the-right-password-1", "203.0.113.5").status_code == 429
    assert through_proxy("the-right-password-1", "198.51.100.20").status_code == 302


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
@pytest.mark.parametrize(
    "username",
    ["editor\x00", "𝔘" * 150, "x" * 10_000, "<script>alert(1)</script>", "editor'; DROP TABLE axes_accessattempt; --"],
    ids=["nul", "astral", "very-long", "markup", "sql"],
)
def test_the_lock_out_records_hostile_sign_in_attempts_without_failing(client, editor, username):
    for _ in range(6):
        response = client.post(
            LOGIN, {"username": username, "password": "wrong"}, REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="A" * 5000
        )
        assert response.status_code in (200, 429)
        assert "<script>alert(1)</script>" not in response.content.decode()
    # The real account, from the same address, is not locked by failures under other names.
    assert attempt(client, "the-right-password-1").status_code == 302
