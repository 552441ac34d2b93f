"""'Signup and get organised': consent, double opt-in, unsubscribing, retention and the editors' export."""

import re
from datetime import timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from signup.links import CONFIRMATION_SALT, confirmation_token
from signup.models import Supporter, SupporterStatus
from tests.signup.utils import URL, form_data, link_in, sign_up
from tests.utils import assert_no_inline_code


def exported_csv(admin_client):
    response = admin_client.get("/admin/signup/supporter/?export=csv")
    return b"".join(response.streaming_content).decode()


@pytest.mark.django_db
def test_the_form_shows_the_editors_wording_with_unticked_boxes(client, signup_page):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert signup_page.email_consent_text in html
    assert signup_page.data_consent_text in html
    assert not re.search(r'type="checkbox"[^>]*checked', html)
    # The same page for everyone, which the caches keep: no token in it (website/shared_forms.py).
    assert "csrfmiddlewaretoken" not in html and "private" not in response.get("Cache-Control", "")
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_a_visitor_signs_up_confirms_and_is_in_the_export_with_the_consent_they_saw(client, admin_client, signup_page):
    response = sign_up(client, signup_page)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200

    supporter = Supporter.objects.get()
    assert supporter.status == SupporterStatus.PENDING
    assert (supporter.email, supporter.postcode) == ("rosa@example.org", "L1 8JQ")
    assert supporter.consent_version == signup_page.consent_version
    assert f"[x] {signup_page.data_consent_text}" in supporter.consent_text
    assert supporter.consented_at is not None

    (message,) = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert "List-Unsubscribe" in message.extra_headers
    # Pending people are never exported.
    assert "rosa@example.org" not in exported_csv(admin_client)

    confirmed = client.post(link_in(message, "confirm"))
    assert confirmed.status_code == 200
    assert "You are signed up" in confirmed.content.decode()
    supporter.refresh_from_db()
    assert supporter.status == SupporterStatus.CONFIRMED

    # Confirming twice is harmless.
    assert client.post(link_in(message, "confirm")).status_code == 200
    assert Supporter.objects.get().status == SupporterStatus.CONFIRMED

    export = exported_csv(admin_client)
    assert "rosa@example.org" in export
    assert signup_page.data_consent_text in export


@pytest.mark.django_db
def test_without_the_data_consent_nothing_is_kept(client, signup_page):
    response = sign_up(client, signup_page, data_consent=None)
    assert response.status_code == 200
    assert "without it we cannot keep your sign-up" in response.content.decode()
    assert not Supporter.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-address", "Enter a valid email address."),
        ("email", "a" * 300 + "@example.org", "Ensure this value has at most 254 characters"),
        ("name", "  ", "This field is required."),
        ("name", "x" * 101, "Ensure this value has at most 100 characters"),
        ("postcode", "<script>", "doesn&#x27;t look like a UK postcode"),
        ("interests", ["Nonsense"], "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client, signup_page, field, value, message):
    response = sign_up(client, signup_page, **{field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Supporter.objects.exists()


@pytest.mark.django_db
def test_markup_is_kept_as_text_and_shown_escaped(client, admin_client, signup_page):
    sign_up(client, signup_page, name="<script>alert(1)</script>", membership='"><img src=x onerror=alert(1)>')
    supporter = Supporter.objects.get()
    assert supporter.name == "<script>alert(1)</script>"
    inspect = admin_client.get(f"/admin/signup/supporter/inspect/{supporter.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in inspect
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in inspect


@pytest.mark.django_db
def test_the_same_address_twice_makes_no_duplicate_and_changes_wait_for_the_owner(client, signup_page):
    sign_up(client, signup_page)
    client.post(link_in(mail.outbox[0], "confirm"))

    stranger = sign_up(client, signup_page, name="Someone Else", postcode="SW1A 1AA", email="ROSA@example.org")
    assert stranger.status_code == 302
    assert Supporter.objects.count() == 1
    supporter = Supporter.objects.get()
    assert (supporter.name, supporter.postcode) == ("Rosa Parks", "L1 8JQ")
    # The thank-you is the same as anyone's: nothing tells a stranger the address is known.
    assert client.get(stranger["Location"]).content.decode().count("Check your e-mail") >= 1

    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["rosa@example.org"]
    client.post(link_in(mail.outbox[1], "confirm"))
    supporter.refresh_from_db()
    assert (supporter.name, supporter.postcode, supporter.pending_changes) == ("Someone Else", "SW1A 1AA", None)


@pytest.mark.django_db
def test_an_older_link_does_not_apply_newer_details(client, signup_page):
    sign_up(client, signup_page)
    sign_up(client, signup_page, name="Changed Name")
    old_link = link_in(mail.outbox[0], "confirm")
    response = client.post(old_link)
    assert response.status_code == 400
    assert "use the link in the latest one" in response.content.decode()
    assert Supporter.objects.get().status == SupporterStatus.PENDING


@pytest.mark.django_db
def test_forged_and_expired_links_change_nothing(client, signup_page):
    sign_up(client, signup_page)
    supporter = Supporter.objects.get()

    forged = client.post("/signup/confirm/" + confirmation_token(supporter)[:-3] + "abc/")
    assert forged.status_code == 400 and "The link is incomplete or has been changed" in forged.content.decode()

    later = timezone.now() + timedelta(days=8)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        expired = client.post(link_in(mail.outbox[0], "confirm"))
    assert expired.status_code == 400 and "run out" in expired.content.decode()

    someone_else = signing.dumps({"id": supporter.pk + 1000, "nonce": "x"}, salt=CONFIRMATION_SALT)
    assert client.post(f"/signup/confirm/{someone_else}/").status_code == 400
    assert Supporter.objects.get().status == SupporterStatus.PENDING


@pytest.mark.django_db
def test_unsubscribing_takes_one_click_and_is_honoured_at_once(client, signup_page):
    sign_up(client, signup_page)
    client.post(link_in(mail.outbox[0], "confirm"))

    response = client.post(link_in(mail.outbox[0], "unsubscribe"))
    assert response.status_code == 200
    supporter = Supporter.objects.get()
    assert (supporter.status, supporter.email_updates) == (SupporterStatus.UNSUBSCRIBED, False)


@pytest.mark.django_db
def test_a_mail_program_unsubscribes_with_a_bare_post(signup_page):
    client = Client(enforce_csrf_checks=True)
    sign_up(client, signup_page, consent_version=signup_page.consent_version)
    # enforce_csrf_checks refuses the sign-up form post without a token; make the record the ordinary way.
    Client().post(URL, form_data(signup_page))
    response = client.post(link_in(mail.outbox[0], "unsubscribe"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Supporter.objects.get().status == SupporterStatus.UNSUBSCRIBED


@pytest.mark.django_db
def test_a_mail_server_that_is_down_keeps_the_sign_up_and_its_mail_goes_later(client, signup_page):
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=SMTPException):
        response = sign_up(client, signup_page)
    assert response.status_code == 302
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()
    supporter = Supporter.objects.get()
    assert supporter.confirmation_sent_at is None and not mail.outbox

    Supporter.objects.filter(pk=supporter.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    output = StringIO()
    call_command("send_signup_emails", stdout=output)
    assert "1 sent, 0 still unsent" in output.getvalue()
    assert mail.outbox[0].to == ["rosa@example.org"]
    supporter.refresh_from_db()
    assert supporter.confirmation_sent_at is not None


@pytest.mark.django_db
def test_a_bot_filling_the_honeypot_is_turned_away(client, signup_page):
    response = sign_up(client, signup_page, nickname="bot")
    assert response.status_code == 200
    assert "leave the last field empty" in response.content.decode()
    assert not Supporter.objects.exists()


@pytest.mark.django_db
@override_settings(SIGNUP_RATE_LIMIT="3/h")
def test_a_flood_from_one_address_gets_try_again_later(client, signup_page):
    cache.clear()
    statuses = [sign_up(client, signup_page, email=f"person{n}@example.org").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Supporter.objects.count() == 3


@pytest.mark.django_db
def test_changed_consent_wording_while_the_form_was_open_asks_again(client, signup_page):
    old_version = signup_page.consent_version
    signup_page.data_consent_text = "New wording of the consent."
    signup_page.save_revision().publish()
    response = sign_up(client, signup_page, consent_version=old_version)
    assert "Please read them again" in response.content.decode()
    assert not Supporter.objects.exists()


@pytest.mark.django_db
def test_the_retention_command_removes_exactly_what_it_should(client, signup_page):
    def supporter(email, status, days_old, **fields):
        record = Supporter.objects.create(page=signup_page, name=email, email=email, status=status, **fields)
        Supporter.objects.filter(pk=record.pk).update(created_at=timezone.now() - timedelta(days=days_old))
        return record

    stale_pending = supporter("old@example.org", SupporterStatus.PENDING, 31)
    fresh_pending = supporter("new@example.org", SupporterStatus.PENDING, 2)
    old_confirmed = supporter("kept@example.org", SupporterStatus.CONFIRMED, 400)
    left = supporter("left@example.org", SupporterStatus.UNSUBSCRIBED, 10, postcode="L1 8JQ")
    stale_change = supporter(
        "change@example.org",
        SupporterStatus.CONFIRMED,
        60,
        pending_changes={"name": "X"},
        pending_since=timezone.now() - timedelta(days=40),
    )

    output = StringIO()
    call_command("prune_signups", stdout=output)

    assert "Deleted 1 unconfirmed sign-up older than 30 days" in output.getvalue()
    assert "anonymised 1 unsubscribed supporter" in output.getvalue()
    assert set(Supporter.objects.values_list("pk", flat=True)) == {
        fresh_pending.pk,
        old_confirmed.pk,
        left.pk,
        stale_change.pk,
    }
    assert not Supporter.objects.filter(pk=stale_pending.pk).exists()
    left.refresh_from_db()
    assert (left.name, left.email, left.postcode) == ("", None, "")
    stale_change.refresh_from_db()
    assert stale_change.pending_changes is None
    # Running it again finds nothing more to do.
    again = StringIO()
    call_command("prune_signups", stdout=again)
    assert "Deleted 0" in again.getvalue() and "anonymised 0" in again.getvalue()


@pytest.mark.django_db
def test_only_people_allowed_to_see_supporter_data_can(client, django_user_model, signup_page):
    sign_up(client, signup_page)
    editor = django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/signup/supporter/").status_code in (302, 403)

    data_managers = Group.objects.create(name="Supporter data")
    data_managers.permissions.add(Permission.objects.get(codename="view_supporter"))
    editor.groups.add(data_managers)
    listing = client.get("/admin/signup/supporter/")
    assert listing.status_code == 200
    assert "Rosa Parks" in listing.content.decode()
    # Read-only: nobody types in or edits a person's consent.
    assert client.get("/admin/signup/supporter/create/").status_code in (302, 403)


@pytest.mark.django_db
def test_editors_filter_sign_ups_by_status_and_interest(admin_client, client, signup_page):
    sign_up(client, signup_page, email="a@example.org", interests=["Campaigns"])
    sign_up(client, signup_page, email="b@example.org", interests=["Volunteering"])
    html = admin_client.get("/admin/signup/supporter/", {"interest": "Volunteering"}).content.decode()
    assert "b@example.org" in html and "a@example.org" not in html
    pending = admin_client.get("/admin/signup/supporter/", {"status__exact": "pending"}).content.decode()
    assert "a@example.org" in pending and "b@example.org" in pending
    assert admin_client.get("/admin/signup/supporter/", {"q": "b@example"}).status_code == 200
