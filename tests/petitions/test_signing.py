"""Signing a petition: saved first, counted only once confirmed by a POST from the e-mailed link, once per address."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from petitions.models import NameReview, Signature
from signup.models import Supporter, SupporterStatus
from tests.petitions.factories import signature_data
from tests.utils import assert_no_inline_code


def form_data(petition, **overrides):
    return signature_data(petition, **overrides)


def sign(client, petition, **overrides):
    return client.post(petition.url, form_data(petition, **overrides))


def confirm_link(message):
    return re.search(r"http://testserver(/petitions/confirm/[^\s]+/)", message.body).group(1)


def count(petition):
    petition.refresh_from_db()
    return petition.signature_count


@pytest.mark.django_db
def test_the_petition_page_shows_its_ask_the_form_and_a_progress_bar_with_no_inline_code(client, petition):
    response = client.get(petition.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Petition to Labour&#x27;s National Executive Committee" in html
    assert "Organise a special Recall of Conference now." in html
    assert '<progress class="petition-progress__bar" max="5" value="0"' in html
    assert 'data-csrf-url="/forms/token/"' in html and "csrfmiddlewaretoken" not in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_signing_saves_first_mails_a_link_and_counts_nothing_until_confirmed(client, petition):
    response = sign(client, petition)
    assert response.status_code == 302 and response["Location"] == f"{petition.url}thanks/"
    signature = Signature.objects.get()
    assert (signature.email, signature.postcode, signature.show_name, signature.keep_updated) == (
        "rosa@example.org",
        "L1 8JQ",
        True,
        False,
    )
    assert signature.consent_text.startswith("[x] I agree")
    assert signature.confirmation_sent_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rosa@example.org"]
    assert count(petition) == 0

    link = confirm_link(mail.outbox[0])
    # Opening the link (as a mail scanner does) only shows the button.
    page = client.get(link)
    assert page.status_code == 200 and "Confirm my signature" in page.content.decode()
    assert count(petition) == 0 and Signature.objects.get().confirmed_at is None

    confirmed = client.post(link)
    assert confirmed.status_code == 200 and "Your signature counts" in confirmed.content.decode()
    assert count(petition) == 1
    # A second press finds it confirmed and counts nothing more.
    client.post(link)
    assert count(petition) == 1
    html = client.get(petition.url).content.decode()
    assert "<strong>1</strong> signature of a goal of 5" in html
    # She agreed to show her name: it waits for a moderator (tests/petitions/test_names.py), then is on the list.
    assert "Rosa Parks" not in html
    Signature.objects.update(name_review=NameReview.SHOWN)
    assert "<li>Rosa Parks</li>" in client.get(petition.url).content.decode()


@pytest.mark.django_db
def test_the_thank_you_page_offers_every_share_link_and_loads_nothing_from_the_networks(client, petition):
    html = client.get(f"{petition.url}thanks/").content.decode()
    for network in ("wa.me", "facebook.com/sharer", "x.com/intent", "bsky.app/intent", "mailto:", "data-copy-link"):
        assert network in html
    assert not re.search(r"<(script|img|iframe|link)[^>]+(facebook|x\.com|bsky|wa\.me)", html)
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_signing_again_with_the_same_address_gets_the_same_answer_and_never_a_second_count(client, petition):
    first = sign(client, petition)
    client.post(confirm_link(mail.outbox[0]))
    mail.outbox.clear()
    again = sign(client, petition, email="ROSA@example.org", name="Someone Else")
    assert again.status_code == first.status_code and again["Location"] == first["Location"]
    assert Signature.objects.count() == 1 and Signature.objects.get().name == "Rosa Parks"
    assert count(petition) == 1
    # Confirmed already: no e-mail to anyone.
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_unconfirmed_repeat_gets_a_fresh_link_and_only_the_newest_link_confirms(client, petition):
    sign(client, petition)
    old_link = confirm_link(mail.outbox[0])
    sign(client, petition, name="Rosa L. Parks")
    assert Signature.objects.count() == 1 and len(mail.outbox) == 2
    assert client.post(old_link).status_code == 400
    assert count(petition) == 0
    client.post(confirm_link(mail.outbox[1]))
    assert count(petition) == 1 and Signature.objects.get().name == "Rosa L. Parks"


@pytest.mark.django_db
def test_unconfirmed_signatures_never_count(client, petition):
    for number in range(3):
        sign(client, petition, email=f"person{number}@example.org")
    assert Signature.objects.count() == 3
    assert count(petition) == 0
    html = client.get(petition.url).content.decode()
    assert "<strong>0</strong> signatures" in html and "Rosa Parks" not in html


@pytest.mark.django_db
def test_keep_me_updated_becomes_a_confirmed_sign_up_with_its_own_consent_once_confirmed(client, petition):
    sign(client, petition, keep_updated="on")
    assert not Supporter.objects.exists()
    client.post(confirm_link(mail.outbox[0]))
    supporter = Supporter.objects.get()
    assert supporter.email == "rosa@example.org" and supporter.status == SupporterStatus.CONFIRMED
    assert supporter.email_updates
    assert petition.updates_consent_text in supporter.consent_text and petition.title in supporter.consent_text


@pytest.mark.django_db
def test_without_keep_me_updated_no_sign_up_is_made(client, petition):
    sign(client, petition)
    client.post(confirm_link(mail.outbox[0]))
    assert not Supporter.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"name": "Rosa\r\nBcc: everyone@example.org"},
        {"name": "   "},
        {"email": "not-an-address"},
        {"email": "a" * 250 + "@example.org"},
        {"postcode": "<script>"},
        {"data_consent": None},
        {"nickname": "I am a bot"},
        {"consent_version": "older-words"},
        {"name": "x" * 5000},
    ],
)
def test_hostile_or_mistaken_input_gets_a_clear_message_and_saves_nothing(client, petition, overrides):
    response = sign(client, petition, **overrides)
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
    assert not Signature.objects.exists() and mail.outbox == []


@pytest.mark.django_db
def test_a_post_without_a_token_comes_back_filled_in_to_send_again(petition):
    client = Client(enforce_csrf_checks=True)
    response = sign(client, petition)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing is sent yet" in html and 'value="Rosa Parks"' in html and "csrfmiddlewaretoken" in html
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_signing_is_rate_limited_per_address(client, petition, settings):
    settings.PETITION_EMAIL_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert sign(client, petition).status_code == 302
    assert sign(client, petition).status_code == 429


@pytest.mark.django_db
def test_a_closed_petition_says_so_and_takes_no_signatures(client, petition):
    petition.closed = True
    petition.save_revision().publish()
    html = client.get(petition.url).content.decode()
    assert "This petition is closed" in html and "<form" not in html.split('id="sign"')[1]
    response = sign(client, petition)
    assert response.status_code == 200 and not Signature.objects.exists()


@pytest.mark.django_db
def test_a_petition_past_its_closing_date_stops_signing_and_confirming(client, petition):
    sign(client, petition)
    petition.closes_on = timezone.localdate() - timedelta(days=1)
    petition.save_revision().publish()
    assert "This petition is closed" in client.get(petition.url).content.decode()
    response = client.post(confirm_link(mail.outbox[0]))
    assert response.status_code == 400 and count(petition) == 0
    sign(client, petition, email="late@example.org")
    assert Signature.objects.count() == 1


@pytest.mark.django_db
def test_a_tampered_link_changes_nothing(client, petition):
    sign(client, petition)
    link = confirm_link(mail.outbox[0])
    assert client.post(link[:-3] + "xx/").status_code == 400
    assert count(petition) == 0


@pytest.mark.django_db
def test_the_confirmation_link_uses_the_configured_site_address(client, petition, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://network.example"
    client.post(petition.url, form_data(petition), HTTP_HOST="evil.example")
    assert "https://network.example/petitions/confirm/" in mail.outbox[0].body
    assert "evil.example" not in mail.outbox[0].body
