import re

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import StandardPageFactory

PASSWORD = "the-right-password-1"


def wrong_code(device):
    return "000000" if current_code(device) != "000000" else "111111"


def current_code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client):
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.mark.django_db
def test_without_an_app_the_password_alone_signs_in(client, editor):
    sign_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_editor_sets_up_an_app_and_is_then_asked_for_its_code(client, editor):
    sign_in(client)
    setup_page = client.get("/admin/two-factor/setup/")
    assert setup_page.status_code == 200
    assert "<svg" in setup_page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post("/admin/two-factor/setup/", {"code": wrong_code(device)})
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    # Straight after a wrong code even the right one waits: guessing is slowed down.
    throttled = client.post("/admin/two-factor/setup/", {"code": current_code(device)})
    assert "Too many wrong codes" in throttled.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # as if the editor waited the few seconds

    assert client.post("/admin/two-factor/setup/", {"code": current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed

    # The next sign-in stops at the code page, whatever admin page is asked for.
    client.logout()
    sign_in(client)
    held = client.get("/admin/pages/")
    assert held.status_code == 302
    assert held["Location"].startswith("/admin/two-factor/verify/?next=")
    assert client.get("/admin/").status_code == 302

    # A code is good once: the app's next code (within the allowed drift) opens the door.
    device.refresh_from_db()
    passed = client.post("/admin/two-factor/verify/", {"code": current_code(device, offset=1), "next": "/admin/pages/"})
    assert passed.status_code == 302 and passed["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_keeps_the_door_shut(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_code_page_never_sends_an_editor_to_another_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
@override_settings(TWO_FACTOR_REQUIRED=True)
def test_the_operator_can_require_it_of_everyone(client, editor):
    sign_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    # Signing out stays possible.
    assert client.post("/admin/logout/").status_code == 302


@pytest.mark.django_db
def test_public_pages_are_never_held(client, editor, site):
    TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    sign_in(client)
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_the_account_page_offers_it(client, editor):
    sign_in(client)
    html = client.get("/admin/account/").content.decode()
    assert re.search(r'href="/admin/two-factor/setup/"', html)


@pytest.fixture
def private_things(site):
    """A page for signed-in users and a document in a collection for signed-in users."""
    home = site.root_page
    members = StandardPageFactory(parent=home, title="Members' corner", slug="members-corner")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    collection = Collection.get_first_root_node().add_child(name="Organisers only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    minutes = get_document_model().objects.create(
        title="Minutes", collection=collection, file=ContentFile(b"the minutes", name="minutes.txt")
    )
    return members.url, minutes.url


def opens(client, url):
    response = client.get(url)
    return response.status_code == 200


@pytest.mark.django_db
@override_settings(TWO_FACTOR_REQUIRED=True)
def test_when_it_is_required_a_password_alone_opens_no_private_page_or_document(client, editor, private_things):
    """The finding: with TWO_FACTOR_REQUIRED, a password alone read pages for signed-in users and private documents."""
    sign_in(client)
    for url in private_things:
        assert not opens(client, url), url
    assert client.get("/").status_code == 200  # the public site as for anyone


@pytest.mark.django_db
def test_an_editor_with_an_app_opens_private_things_only_after_the_code(client, editor, private_things):
    device = TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    sign_in(client)
    for url in private_things:
        assert not opens(client, url), url
    assert client.post("/admin/two-factor/verify/", {"code": current_code(device)}).status_code == 302
    for url in private_things:
        assert opens(client, url), url


@pytest.mark.django_db
def test_without_a_second_step_a_password_opens_them_as_before(client, editor, private_things):
    for url in private_things:
        assert not opens(client, url), url  # a stranger
    sign_in(client)
    for url in private_things:
        assert opens(client, url), url
