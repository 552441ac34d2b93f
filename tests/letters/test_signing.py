"""A person signs an open letter: the form, double opt-in by a signed link, one signature per address."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import override_settings
from django.utils import timezone

from letters.choices import SignatoryStatus
from letters.links import CONFIRMATION_SALT
from letters.models import Signatory
from signup.models import Supporter, SupporterStatus
from tests.letters.factories import OpenLetterPageFactory, form_data
from tests.utils import assert_no_inline_code


@pytest.fixture
def url(letter):
    return letter.url


def sign(client, url, **overrides):
    return client.post(url, form_data(**overrides))


def confirm_link(message):
    return re.search(r"https?://[^/\s]+(/letters/confirm/[^\s]+/)", message.body).group(1)


@pytest.mark.django_db
def test_the_form_has_no_token_and_an_unticked_updates_box(client, letter, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Yes, keep me updated: e-mail me about this campaign" in html
    assert not re.search(r'type="checkbox"[^>]*checked', html)
    assert "csrfmiddlewaretoken" not in html and "private" not in response.get("Cache-Control", "")
    assert 'data-csrf-url="/forms/token/"' in html
    assert_no_inline_code(html)


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="https://network.example.org")
def test_a_visitor_signs_confirms_by_post_and_waits_for_a_moderator(client, letter, url):
    response = sign(client, url)
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    thanks = client.get(response["Location"]).content.decode()
    assert "Check your e-mail" in thanks and "wa.me" in thanks

    signatory = Signatory.objects.get()
    assert (signatory.email, signatory.status) == ("rosa@example.org", SignatoryStatus.UNCONFIRMED)
    (message,) = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert "https://network.example.org/letters/confirm/" in message.body
    link = confirm_link(message)

    # Opening the link (as a mail scanner does) changes nothing: it shows a button.
    opened = client.get(link)
    assert opened.status_code == 200 and "Confirm my signature" in opened.content.decode()
    signatory.refresh_from_db()
    assert signatory.status == SignatoryStatus.UNCONFIRMED

    confirmed = client.post(link)
    assert confirmed.status_code == 200 and "Signature confirmed" in confirmed.content.decode()
    signatory.refresh_from_db()
    assert signatory.status == SignatoryStatus.PENDING and signatory.confirmed_at is not None
    # Not approved yet: the letter does not show the name.
    assert "Rosa Parks" not in client.get(url).content.decode()
    # The link is spent: a second press changes nothing.
    assert client.post(link).status_code == 200
    signatory.refresh_from_db()
    assert signatory.status == SignatoryStatus.PENDING
    # Nobody asked for updates: no supporter.
    assert not Supporter.objects.exists()


@pytest.mark.django_db
def test_keep_me_updated_becomes_a_confirmed_supporter_with_its_own_consent_record(client, letter, url):
    sign(client, url, keep_updated="on")
    client.post(confirm_link(mail.outbox[0]))
    supporter = Supporter.objects.get()
    assert supporter.status == SupporterStatus.CONFIRMED and supporter.email_updates
    assert f"[x] {letter.updates_consent_text}" in supporter.consent_text
    assert letter.title in supporter.consent_text
    assert Signatory.objects.get().consent_text == f"[x] {letter.updates_consent_text}"


@pytest.mark.django_db
def test_the_same_address_signs_once_and_only_the_newest_link_confirms(client, letter, url):
    sign(client, url)
    first = confirm_link(mail.outbox[0])
    response = sign(client, url, email="ROSA@example.org", name="Rosa L. Parks")
    assert response.status_code == 302
    assert Signatory.objects.count() == 1
    second = confirm_link(mail.outbox[1])
    assert client.post(first).status_code == 400
    assert client.post(second).status_code == 200
    signatory = Signatory.objects.get()
    assert signatory.name == "Rosa L. Parks" and signatory.status == SignatoryStatus.PENDING
    # Once confirmed, signing again sends nothing and changes nothing, and the visitor is thanked all the same.
    assert sign(client, url, name="Someone else").status_code == 302
    assert len(mail.outbox) == 2
    assert Signatory.objects.get().name == "Rosa L. Parks"


@pytest.mark.django_db
def test_the_same_address_may_sign_another_letter(client, campaign, letter, url):
    other = OpenLetterPageFactory(parent=campaign, title="Another letter", slug="another")
    sign(client, url)
    sign(client, other.url)
    assert Signatory.objects.count() == 2


@pytest.mark.django_db
def test_an_expired_or_forged_link_confirms_nothing(client, letter, url):
    sign(client, url)
    signatory = Signatory.objects.get()
    forged = signing.dumps({"id": signatory.pk, "nonce": signatory.confirmation_nonce}, salt="another salt")
    assert client.post(f"/letters/confirm/{forged}/").status_code == 400
    eight_days_ago = timezone.now() - timedelta(days=8)
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago.timestamp()):
        old = signing.dumps({"id": signatory.pk, "nonce": signatory.confirmation_nonce}, salt=CONFIRMATION_SALT)
    response = client.post(f"/letters/confirm/{old}/")
    assert response.status_code == 400 and "run out" in response.content.decode()
    signatory.refresh_from_db()
    assert signatory.status == SignatoryStatus.UNCONFIRMED


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_signature_and_thanks_the_visitor(client, letter, url):
    refused = ConnectionRefusedError("no mail server")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refused):
        assert sign(client, url).status_code == 302
    signatory = Signatory.objects.get()
    assert signatory.confirmation_sent_at is None and signatory.confirmation_claimed_at is None


@pytest.mark.django_db
def test_the_honeypot_turns_bots_away(client, letter, url):
    response = sign(client, url, nickname="bot")
    assert response.status_code == 200 and "leave the last field empty" in response.content.decode()
    assert not Signatory.objects.exists()


@pytest.mark.django_db
@override_settings(LETTER_EMAIL_RATE_LIMIT="2/h")
def test_too_many_signatures_for_one_address_are_refused(client, letter, url):
    assert sign(client, url).status_code == 302
    assert sign(client, url).status_code == 302
    assert sign(client, url).status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "   "}, "This field is required"),
        ({"email": "not-an-address"}, "valid email"),
        ({"name": "Rosa\r\nBcc: victim@example.org"}, "on one line"),
        ({"organisation": "x" * 151}, "at most 150 characters"),
        ({"role": "=HYPERLINK(\u202e"}, "on one line"),
    ],
)
def test_hostile_input_gets_a_clear_message_and_nothing_is_saved(client, letter, url, overrides, message):
    response = sign(client, url, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Signatory.objects.exists()
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_html_typed_in_is_shown_as_text_once_approved(client, letter, url):
    sign(client, url, name="<script>alert(1)</script>", organisation="<b>Bold</b>")
    Signatory.objects.update(status=SignatoryStatus.APPROVED, confirmed_at=timezone.now())
    html = client.get(url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Bold</b>" not in html
