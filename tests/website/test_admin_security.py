import pytest
from django.test import override_settings

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
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

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
