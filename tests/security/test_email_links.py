"""Every e-mailed link is built from the configured site address (WAGTAILADMIN_BASE_URL), never from the Host header
of the request that caused the e-mail; and what visitors type on one line stays on one line."""

import re
from datetime import timedelta

import pytest
from django import forms
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from campaigns.forms import RegistrationForm
from campaigns.models import Registration
from endorsements.forms import EndorsementRequestForm
from endorsements.models import EndorsementRequest, RequestStatus
from endorsements.tasks import tell_contact_of_decision
from letters.forms import SignatoryForm
from letters.models import OpenLetterPage
from petitions.forms import SignatureForm
from petitions.models import Signature
from signup.forms import SignUpForm
from tests.campaigns.utils import PERSON
from tests.endorsements.utils import form_data as endorsement_data
from tests.petitions.factories import signature_data
from tests.signup.utils import form_data as signup_data
from website.forms import ProtectedForm, is_single_line

SITE = "https://network.example.org"
HOSTILE_HOST = "127.0.0.1:6666"
URL = re.compile(r"https?://[^\s<>\"']+")


def links_in(message):
    text = message.body + " ".join(str(value) for value in message.extra_headers.values())
    return URL.findall(text)


def assert_links_from_the_site(messages):
    links = [link for message in messages for link in links_in(message)]
    assert links, "the e-mails carry links"
    assert all(link.startswith(SITE + "/") for link in links), links


@pytest.fixture(autouse=True)
def configured_address():
    with override_settings(WAGTAILADMIN_BASE_URL=SITE):
        yield


@pytest.mark.django_db
def test_registration_emails_link_to_the_site_whatever_the_host(client, rally):
    assert client.post(rally.url, PERSON, HTTP_HOST=HOSTILE_HOST).status_code == 302
    # Again with the same address: the owner's "already registered" e-mail.
    assert client.post(rally.url, PERSON, HTTP_HOST=HOSTILE_HOST).status_code == 302
    assert len(mail.outbox) == 2
    assert_links_from_the_site(mail.outbox)


@pytest.mark.django_db
def test_retried_registration_emails_link_to_the_site(rally):
    registration = Registration.objects.create(event=rally, name="Ann", email="ann@example.org")
    # Past the first attempt's minute: the retry command's turn.
    Registration.objects.filter(pk=registration.pk).update(created_at=registration.created_at - timedelta(hours=1))
    call_command("send_signup_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert_links_from_the_site(mail.outbox)


@pytest.mark.django_db
def test_sign_up_emails_link_to_the_site_whatever_the_host(client, signup_page):
    assert client.post(signup_page.url, signup_data(signup_page), HTTP_HOST=HOSTILE_HOST).status_code == 302
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/")
    assert_links_from_the_site(mail.outbox)


@pytest.mark.django_db
def test_petition_emails_link_to_the_site_whatever_the_host_and_when_retried(client, petition):
    assert client.post(petition.url, signature_data(petition), HTTP_HOST=HOSTILE_HOST).status_code == 302
    # Its retry: the e-mail lost (never marked sent), past the first attempt's minute.
    Signature.objects.update(
        confirmation_sent_at=None, confirmation_claimed_at=None, created_at=timezone.now() - timedelta(minutes=5)
    )
    call_command("send_petition_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2
    assert_links_from_the_site(mail.outbox)


@pytest.mark.django_db
def test_endorsement_emails_link_to_the_site_whatever_the_host(client, endorsements, admin_user):
    assert client.post("/endorsements/ask/", endorsement_data(website=""), HTTP_HOST=HOSTILE_HOST).status_code == 302
    request = EndorsementRequest.objects.get()
    EndorsementRequest.objects.filter(pk=request.pk).update(status=RequestStatus.APPROVED)
    tell_contact_of_decision.call(request.pk)
    assert len(mail.outbox) == 2
    assert_links_from_the_site(mail.outbox)


@pytest.mark.django_db
def test_password_reset_emails_link_to_the_site_whatever_the_host(client, django_user_model):
    django_user_model.objects.create_user("editor", "editor@example.org", "a-strong-password-for-tests")
    client.post("/admin/password_reset/", {"email": "editor@example.org"}, HTTP_HOST=HOSTILE_HOST)
    assert len(mail.outbox) == 1
    assert_links_from_the_site(mail.outbox)


def public_forms(base=ProtectedForm):
    for form in base.__subclasses__():
        yield form
        yield from public_forms(form)


# Each public form, with what makes it valid. A new public form fails the first test until it is added here.
VALID = {
    RegistrationForm: lambda pages: (
        {**PERSON},
        {"event": pages["rally"]},
    ),
    SignUpForm: lambda pages: (signup_data(pages["signup_page"]), {"page": pages["signup_page"]}),
    EndorsementRequestForm: lambda pages: (endorsement_data(), {}),
    SignatureForm: lambda pages: (signature_data(pages["petition"]), {"petition": pages["petition"]}),
    SignatoryForm: lambda pages: (
        {"name": "Rosa Parks", "role": "Secretary", "organisation": "Unite", "email": "rosa@example.org"},
        {"letter": OpenLetterPage(updates_consent_text="Keep me updated.")},
    ),
}
HIDDEN = ["\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\u202e", "\x1b"]


def test_every_public_form_is_checked_here():
    # The site's own forms, not ones a test module defines for itself.
    forms = {form for form in public_forms() if not form.__module__.startswith("tests.")}
    assert {form for form in forms if not form.__name__.startswith("Protected")} == set(VALID)


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", list(VALID), ids=lambda form: form.__name__)
def test_no_single_line_field_of_a_public_form_takes_a_line_break_or_a_hidden_character(
    form_class, rally, signup_page, endorsements, petition
):
    data, kwargs = VALID[form_class]({"rally": rally, "signup_page": signup_page, "petition": petition})
    assert form_class(data, **kwargs).is_valid(), form_class(data, **kwargs).errors
    single_line = [name for name, field in form_class(**kwargs).fields.items() if is_single_line(field)]
    assert {"name", "email"} & set(single_line) or "contact_name" in single_line
    for name in single_line:
        if isinstance(form_class(**kwargs).fields[name].widget, forms.HiddenInput):
            continue
        for character in HIDDEN:
            form = form_class({**data, name: f"Rebecca{character}Bcc: x@example.org"}, **kwargs)
            assert not form.is_valid(), (name, character)
            assert name in form.errors, (name, character)
