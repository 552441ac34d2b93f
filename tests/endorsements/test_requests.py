"""Organisations ask to endorse through the public form; editors approve or decline them in the admin."""

import io
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from PIL import Image

from endorsements.logos import png_logo
from endorsements.models import EndorsementRequest, Organisation, OrganisationKind, Region, RequestStatus
from tests.endorsements.factories import EndorsementRequestFactory
from tests.endorsements.utils import ACTIVE_MARKERS, ASK_URL, HOSTILE_SVG, form_data, png_upload
from tests.factories import OrganisationFactory
from tests.utils import assert_no_inline_code


def errors_of(response):
    assert response.status_code == 200
    return response.context["form"].errors


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("reviewer", "reviewer@example.org", "a-strong-password")


@pytest.mark.django_db
def test_organisation_asks_to_endorse_and_editors_are_told(client, endorsements, editor):
    page = client.get(ASK_URL)
    assert page.status_code == 200
    assert "csrfmiddlewaretoken" not in page.content.decode() and "private" not in page.get("Cache-Control", "")
    assert_no_inline_code(page.content.decode())
    response = client.post(ASK_URL, {**form_data(), "logo": png_upload()})
    assert response.status_code == 302 and response["Location"] == "/endorsements/ask/thanks/"
    request = EndorsementRequest.objects.get()
    assert (request.name, request.status, request.consent_logo) == (
        "Unite Leeds Community Branch",
        RequestStatus.PENDING,
        True,
    )
    assert request.logo.name.endswith(".png")
    assert [message.to for message in mail.outbox] == [["reviewer@example.org"]]
    assert "Unite Leeds Community Branch" in mail.outbox[0].subject
    assert f"/admin/endorsements/endorsementrequest/inspect/{request.pk}/" in mail.outbox[0].body
    thanks = client.get(response["Location"])
    assert "Thank you" in thanks.content.decode()
    assert_no_inline_code(thanks.content.decode())


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_request_and_thanks_the_visitor(client, endorsements, editor):
    refused = ConnectionRefusedError("no mail server")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refused):
        response = client.post(ASK_URL, form_data())
    assert response.status_code == 302
    assert EndorsementRequest.objects.filter(name="Unite Leeds Community Branch").exists()


@pytest.mark.django_db
def test_a_task_queue_that_is_down_keeps_the_request_and_thanks_the_visitor(client, endorsements, editor):
    queue_down = mock.Mock(enqueue=mock.Mock(side_effect=ConnectionError("no task queue")))
    with mock.patch("endorsements.views.notify_editors_of_request", queue_down):
        response = client.post(ASK_URL, form_data())
    assert response.status_code == 302 and queue_down.enqueue.called
    # Left for send_endorsement_emails to tell the editors.
    assert EndorsementRequest.objects.get().editors_told_at is None


@pytest.mark.django_db
def test_the_honeypot_turns_bots_away(client, endorsements):
    response = client.post(ASK_URL, form_data(nickname="I am a bot"))
    assert "nickname" in errors_of(response)
    assert not EndorsementRequest.objects.exists()


@pytest.mark.django_db
def test_too_many_requests_from_one_address_are_refused(client, endorsements):
    for attempt in range(5):
        client.post(ASK_URL, form_data(name=f"Branch {attempt}"))
    response = client.post(ASK_URL, form_data(name="Branch 6"))
    assert response.status_code == 429
    assert EndorsementRequest.objects.count() == 5


def bomb_png():
    """A tiny file that decodes to 100 million pixels."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("logo.png", b"this is not an image", "image/png"), "Upload a valid image"),
        (SimpleUploadedFile("logo.pdf", b"%PDF-1.4", "application/pdf"), "PNG, JPEG, WebP, AVIF or SVG"),
        (SimpleUploadedFile("logo.gif", b"GIF89a", "image/gif"), "PNG, JPEG, WebP, AVIF or SVG"),
        (SimpleUploadedFile("logo.jpg", png_logo("x", "#000"), "image/jpeg"), "does not match the file format"),
        (SimpleUploadedFile("logo.png", bomb_png(), "image/png"), "too many pixels"),
        (SimpleUploadedFile("logo.svg", b"<svg><script>alert(1)", "image/svg+xml"), "valid"),
        (
            SimpleUploadedFile(
                "logo.svg",
                b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">'
                b"<text>&x;</text></svg>",
                "image/svg+xml",
            ),
            "valid",
        ),
    ],
    ids=["not-an-image", "pdf", "gif", "wrong-extension", "image-bomb", "broken-svg", "svg-external-entity"],
)
def test_bad_logos_are_refused_with_a_clear_message(client, endorsements, upload, message):
    response = client.post(ASK_URL, {**form_data(), "logo": upload})
    errors = errors_of(response)
    assert message in " ".join(errors["logo"])
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not EndorsementRequest.objects.exists()


@pytest.mark.django_db
def test_a_40_mb_logo_is_refused(client, endorsements, settings):
    forty_megabytes = png_logo("x", "#000") + b"\0" * (40 * 1024 * 1024)
    response = client.post(ASK_URL, {**form_data(), "logo": SimpleUploadedFile("logo.png", forty_megabytes)})
    assert "too big" in " ".join(errors_of(response)["logo"])
    assert not EndorsementRequest.objects.exists()


@pytest.mark.django_db
def test_an_svg_logo_with_script_is_stored_without_it(client, endorsements):
    response = client.post(ASK_URL, {**form_data(), "logo": SimpleUploadedFile("logo.svg", HOSTILE_SVG)})
    assert response.status_code == 302
    with EndorsementRequest.objects.get().logo.open("rb") as stored:
        content = stored.read().decode()
    for marker in ACTIVE_MARKERS:
        assert marker not in content
    assert "<rect" in content


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "contact_name", "statement"])
def test_html_in_text_fields_is_refused_and_never_reflected(client, endorsements, field):
    response = client.post(ASK_URL, form_data(**{field: "<script>alert('x')</script> Branch"}))
    assert "without HTML tags" in " ".join(errors_of(response)[field])
    assert "<script>alert" not in response.content.decode()
    assert not EndorsementRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "x" * 10_000}, "name", "at most 255 characters"),
        ({"statement": "x" * 2001}, "statement", "at most 2000 characters"),
        ({"website": "javascript:alert(1)"}, "website", "valid URL"),
        ({"contact_email": "not-an-address"}, "contact_email", "valid email"),
        ({"consent_contact": None}, "consent_contact", "able to write to you"),
        ({"kind": "empire"}, "kind", "valid choice"),
        ({"name": "Line one\r\nBcc: victim@example.org"}, "name", "one line"),
    ],
)
def test_bad_text_gets_a_clear_message(client, endorsements, overrides, field, message):
    errors = errors_of(client.post(ASK_URL, form_data(**overrides)))
    assert message in " ".join(errors[field])
    assert not EndorsementRequest.objects.exists()


@pytest.mark.django_db
def test_a_listed_organisation_is_told_so_a_waiting_request_is_not_revealed(client, endorsements, admin_user):
    first = client.post(ASK_URL, form_data())
    assert first.status_code == 302
    # Saying "already waiting" would tell anyone which organisations are asking: answered as a new request.
    again = client.post(ASK_URL, form_data(name="unite leeds community branch"))
    assert (again.status_code, again["Location"]) == (302, first["Location"])
    assert "waiting too (1)" in mail.outbox[-1].body
    OrganisationFactory(name="Momentum")
    errors = errors_of(client.post(ASK_URL, form_data(name="Momentum")))
    assert "already backs the network" in " ".join(errors["name"])
    assert EndorsementRequest.objects.count() == 2


@pytest.mark.django_db
def test_editors_list_filter_and_inspect_requests(admin_client):
    EndorsementRequestFactory(name="Pending Branch")
    EndorsementRequestFactory(name="Declined Branch", status=RequestStatus.DECLINED)
    index = "/admin/endorsements/endorsementrequest/"
    html = admin_client.get(index, {"status": "pending"}).content.decode()
    assert "Pending Branch" in html and "Declined Branch" not in html
    assert "Approve or decline" in html
    html = admin_client.get(index, {"q": "Declined"}).content.decode()
    assert "Declined Branch" in html and "Pending Branch" not in html
    request = EndorsementRequest.objects.get(name="Pending Branch")
    inspect = admin_client.get(f"{index}inspect/{request.pk}/").content.decode()
    assert "secretary@branch.example.org" in inspect and "Approve or decline" in inspect
    assert admin_client.get(f"{index}create/").status_code in (302, 403)


@pytest.mark.django_db
def test_editors_export_requests_as_formula_safe_csv_and_xlsx(admin_client):
    EndorsementRequestFactory(name='=HYPERLINK("https://evil.example")', statement="+SUM(1+1)")
    index = "/admin/endorsements/endorsementrequest/"
    csv = admin_client.get(index, {"export": "csv"})
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "'=HYPERLINK" in text and "'+SUM" in text
    xlsx = admin_client.get(index, {"export": "xlsx"})
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(io.BytesIO(content)).active
    assert any("HYPERLINK" in str(cell.value) for row in sheet.iter_rows() for cell in row)


@pytest.mark.django_db
def test_editor_approves_a_request_in_one_step(admin_client, client, endorsements, django_capture_on_commit_callbacks):
    assert client.post(ASK_URL, {**form_data(), "logo": png_upload()}).status_code == 302
    request = EndorsementRequest.objects.get()
    mail.outbox.clear()
    review_url = f"/admin/endorsements/endorsementrequest/review/{request.pk}/"
    assert "Approve and list it" in admin_client.get(review_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(review_url, {"decision": "approve"})
    assert response.status_code == 302
    request.refresh_from_db()
    organisation = Organisation.objects.get(name="Unite Leeds Community Branch")
    assert request.status == RequestStatus.APPROVED and request.organisation == organisation
    assert organisation.listed and organisation.show_logo and organisation.logo is not None
    assert (organisation.kind, organisation.region) == (OrganisationKind.UNION_BRANCH, Region.YORKSHIRE)
    assert [message.to for message in mail.outbox] == [["sam@leeds.example.org"]]
    assert "now backs" in mail.outbox[0].subject
    gallery = client.get("/endorsements/").content.decode()
    assert 'alt="Unite Leeds Community Branch"' in gallery
    # Reviewed once: the review page sends editors back instead of approving twice.
    assert admin_client.post(review_url, {"decision": "approve"}).status_code == 302
    assert Organisation.objects.filter(name="Unite Leeds Community Branch").count() == 1


@pytest.mark.django_db
def test_approving_a_known_organisation_relists_it_without_a_second_logo(
    admin_client, django_capture_on_commit_callbacks
):
    existing = OrganisationFactory(name="Momentum", listed=False)
    request = EndorsementRequestFactory(name="momentum", logo=png_upload())
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "approve"})
    existing.refresh_from_db()
    assert existing.listed and existing.logo is None
    assert Organisation.objects.count() == 1
    request.refresh_from_db()
    assert request.organisation == existing


@pytest.mark.django_db
def test_editor_declines_a_request_and_the_contact_is_told(admin_client, django_capture_on_commit_callbacks):
    request = EndorsementRequestFactory(name="Spam Ltd")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "decline"}
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED and request.organisation is None
    assert not Organisation.objects.exists()
    assert [message.to for message in mail.outbox] == [["secretary@branch.example.org"]]


@pytest.mark.django_db
def test_only_editors_who_may_change_requests_review_them(client, django_user_model):
    request = EndorsementRequestFactory()
    user = django_user_model.objects.create_user("viewer", password="a-strong-password", is_staff=True)
    user.user_permissions.add(
        *__import__("django.contrib.auth.models").contrib.auth.models.Permission.objects.filter(codename="access_admin")
    )
    client.force_login(user)
    response = client.post(f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "approve"})
    assert response.status_code in (302, 403)
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING
