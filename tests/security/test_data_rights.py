"""The data-rights tool: a Supporter data manager finds a person across every record, downloads, corrects and
erases what is held; nobody else reaches any of it; the log says who and when, never what or whose."""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from campaigns.models import Registration
from endorsements.models import EndorsementRequest
from letters.models import Signatory
from petitions.models import Signature
from signup.models import Supporter, SupporterStatus
from tests.campaigns.factories import RegistrationFactory
from tests.endorsements.factories import EndorsementRequestFactory
from tests.letters.factories import OpenLetterPageFactory, SignatoryFactory
from tests.petitions.factories import PetitionPageFactory
from website import data_rights, personal_data, roles
from website.data_rights_log import DataRightsLog, subject_hash

ADDRESS = "Robin.Example@Example.org"


def data_rights_urls(patterns=None, route=""):
    """Every admin URL of the tool, from the resolver: a view added later is refused to the others too."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from data_rights_urls(pattern.url_patterns, route + str(pattern.pattern))
        elif pattern.name and pattern.name.startswith("data_rights"):
            yield "/" + route + str(pattern.pattern)


@pytest.fixture
def person(signup_page, rally, endorsements, home_page):
    """One person in every kind of record, beside someone else's records that must stay as they are."""
    petition = PetitionPageFactory(parent=home_page, title="Recall conference")
    letter = OpenLetterPageFactory(parent=home_page, title="Letter to the NEC")
    held = {
        Supporter: Supporter.objects.create(
            page=signup_page,
            name="Robin Example",
            email="robin.example@example.org",
            postcode="N1 9GU",
            interests=["Campaigns"],
            status=SupporterStatus.CONFIRMED,
        ),
        Registration: RegistrationFactory(
            event=rally, name="Robin Example", email="ROBIN.example@example.org", accessibility_needs="Step-free"
        ),
        EndorsementRequest: EndorsementRequestFactory(
            contact_name="Robin Example", contact_email="robin.example@example.org", name="Robin's Branch"
        ),
        Signature: Signature.objects.create(
            petition=petition,
            name="Robin Example",
            email="robin.EXAMPLE@example.org",
            postcode="N1 9GU",
            show_name=True,
            confirmed_at=timezone.now(),
        ),
        Signatory: SignatoryFactory(
            letter=letter, name="Robin Example", email="robin.example@example.org", role="Branch steward"
        ),
    }
    others = [
        Supporter.objects.create(page=signup_page, name="Other Person", email="other@example.org"),
        RegistrationFactory(event=rally, name="Other Person", email="other@example.org"),
        EndorsementRequestFactory(contact_name="Other Person", contact_email="other@example.org"),
        Signature.objects.create(petition=petition, name="Other Person", email="other@example.org"),
        SignatoryFactory(letter=letter, name="Other Person", email="other@example.org"),
    ]
    return held, others


def find(client, email=ADDRESS):
    return client.post("/admin/data-rights/", {"email": email}, follow=True)


def refused(response):
    """A 403, or Wagtail's redirect (to the dashboard, or to the login page for an account without the admin)."""
    return response.status_code == 403 or (
        response.status_code == 302 and not response["Location"].startswith("/admin/data-rights/")
    )


def test_the_tool_has_its_urls():
    urls = set(data_rights_urls())
    assert {"/admin/data-rights/", "/admin/data-rights/export/", "/admin/data-rights/erase/"} <= urls
    assert len(urls) >= 6


@pytest.mark.django_db
def test_the_migration_gives_the_data_managers_the_right_and_nobody_else():
    for group in Group.objects.all():
        has_it = group.permissions.filter(codename="manage_data_rights").exists()
        assert has_it == (group.name == roles.SUPPORTER_DATA), group.name


@pytest.mark.django_db
@pytest.mark.parametrize("group", sorted(set(roles.GROUPS) - {roles.SUPPORTER_DATA}) + [None])
def test_every_other_group_is_refused_every_view(group, person, group_member):
    client, user = group_member(group)
    held, _ = person
    # As if they had the address in hand from a search.
    session = client.session
    session[data_rights.SESSION_KEY] = ADDRESS
    session.save()
    for url in data_rights_urls():
        url = url.replace("<str:label>", "signup.supporter").replace("<int:pk>", str(held[Supporter].pk))
        for response in (client.get(url), client.post(url, {"email": ADDRESS})):
            assert refused(response), (group, url, response.status_code)
            assert "Robin" not in response.content.decode(), (group, url)
    assert all(type(record).objects.filter(pk=record.pk).exists() for record in held.values())
    assert not DataRightsLog.objects.exists()
    # Nor is it in their menu.
    assert "Data rights" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_data_manager_finds_a_person_across_every_record(person, group_member):
    client, manager = group_member(roles.SUPPORTER_DATA)
    held, _ = person
    assert "Data rights" in client.get("/admin/").content.decode()
    response = find(client)
    body = response.content.decode()
    assert response.status_code == 200
    assert "5</strong> records" in body
    for entry in personal_data.registered():
        assert entry.name.capitalize() in body
    assert "Step-free" in body and "Robin&#x27;s Branch" in body and "N1 9GU" in body
    assert "Other Person" not in body
    # The address lives in the session, not in a URL a log could keep.
    assert ADDRESS not in response.redirect_chain[0][0]
    log = DataRightsLog.objects.get()
    assert "Branch steward" in body
    assert (log.action, log.user, log.records) == ("search", manager, 5)
    assert log.subject == subject_hash("robin.example@example.org")


@pytest.mark.django_db
def test_subject_access_is_one_file_of_everything_held(person, group_member):
    client, _ = group_member(roles.SUPPORTER_DATA)
    find(client)
    response = client.get("/admin/data-rights/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    data = json.loads(response.content)
    kinds = {kind["kind"]: kind for kind in data["records"]}
    assert set(kinds) == {entry.name for entry in personal_data.registered()}
    assert kinds["supporters"]["items"][0]["name"] == "Robin Example"
    assert kinds["supporters"]["items"][0]["interests"] == ["Campaigns"]
    assert kinds["registrations"]["items"][0]["accessibility needs"] == "Step-free"
    assert kinds["endorsement requests"]["items"][0]["contact name"] == "Robin Example"
    signature = kinds[personal_data.entry_for(Signature).name]["items"][0]
    assert (signature["name"], signature["postcode"]) == ("Robin Example", "N1 9GU")
    assert kinds[personal_data.entry_for(Signatory).name]["items"][0]["role"] == "Branch steward"
    assert all(kind["why"] and kind["how_long"] for kind in kinds.values())
    assert "Other Person" not in response.content.decode()
    assert DataRightsLog.objects.filter(action="export", records=5).exists()


@pytest.mark.django_db
def test_a_data_manager_corrects_a_name_and_an_address(person, group_member):
    client, _ = group_member(roles.SUPPORTER_DATA)
    held, others = person
    find(client)
    url = reverse("data_rights_correct", args=["signup.supporter", held[Supporter].pk])
    form = client.get(url)
    assert form.status_code == 200 and "Robin Example" in form.content.decode()
    # Someone else's address is refused, not a 500.
    taken = {"name": "Robin Example", "email": "OTHER@example.org", "postcode": "N1 9GU", "membership": ""}
    response = client.post(url, taken)
    assert response.status_code == 200 and response.context["form"].errors, response.context["form"].errors
    assert "correct or erase that one first" in response.content.decode()
    assert "is violated" not in response.content.decode()
    response = client.post(url, {**taken, "name": "Robin Corrected", "email": "robin.example@example.org"})
    assert response.status_code == 302
    held[Supporter].refresh_from_db()
    assert held[Supporter].name == "Robin Corrected"
    # Only a record of the person being worked on.
    other_url = reverse("data_rights_correct", args=["signup.supporter", others[0].pk])
    assert client.get(other_url).status_code == 404
    assert DataRightsLog.objects.filter(action="correct").count() == 1


@pytest.mark.django_db
def test_erasure_asks_first_then_erases_every_record_and_logs_nothing_of_it(person, group_member):
    client, manager = group_member(roles.SUPPORTER_DATA)
    held, others = person
    find(client)
    confirm = client.get("/admin/data-rights/erase/")
    assert confirm.status_code == 200 and "Yes, erase it all" in confirm.content.decode()
    assert all(type(record).objects.filter(pk=record.pk).exists() for record in held.values())  # a GET erases nothing

    response = client.post("/admin/data-rights/erase/", follow=True)
    assert "Erased 5 records" in response.content.decode()
    assert not Supporter.objects.filter(pk=held[Supporter].pk).exists()
    assert not Registration.objects.filter(pk=held[Registration].pk).exists()
    request = EndorsementRequest.objects.get(pk=held[EndorsementRequest].pk)
    assert (request.contact_name, request.contact_email) == ("", "")
    assert request.name == "Robin's Branch"  # the organisation's own request stays
    # The signature still counts towards its petition, but says nothing of whose it was; the letter's name goes.
    signature = Signature.objects.get(pk=held[Signature].pk)
    assert (signature.name, signature.email, signature.postcode) == ("", None, "")
    assert signature.confirmed_at is not None and signature.anonymised_at is not None
    assert not Signatory.objects.filter(pk=held[Signatory].pk).exists()
    for record in others:
        record.refresh_from_db()
    # Nothing is found any more, and the log holds who and when, never what or whose.
    assert "No record holds this address" in find(client).content.decode()
    erasure = DataRightsLog.objects.get(action="erase")
    assert (erasure.user, erasure.username, erasure.records) == (manager, manager.username, 5)
    for entry in DataRightsLog.objects.all():
        values = " ".join(str(value) for value in vars(entry).values()).lower()
        assert "robin" not in values and "example.org" not in values
    log = client.get("/admin/data-rights/log/").content.decode()
    assert manager.username in log and "Erased" in log and "robin" not in log.lower()


@pytest.mark.django_db
def test_a_superuser_may_use_it(person, admin_client):
    assert "5</strong> records" in find(admin_client).content.decode()


def test_the_registry_imports_no_feature_app():
    for module in ("personal_data.py", "data_rights.py", "data_rights_log.py"):
        source = (Path(personal_data.__file__).parent / module).read_text()
        for app in ("signup", "campaigns", "endorsements", "news", "home", "social", "petitions", "letters"):
            assert f"from {app}" not in source and f"import {app}" not in source, (module, app)
