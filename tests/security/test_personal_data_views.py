"""Every admin view of a visitor's record needs that record's permission, for every editors' group.

The admin URLs are not listed by hand: they are walked from the URL resolver, so a view added later (another
ModelAdmin action, a viewset, an app's own page) is tested as soon as it exists.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from wagtail.models import ReferenceIndex

from campaigns.models import Registration
from endorsements.models import EndorsementRequest
from letters.models import Signatory
from petitions.models import Signature
from signup.models import Supporter
from tests.campaigns.factories import CampaignPageFactory, RegistrationFactory
from tests.endorsements.factories import EndorsementRequestFactory
from tests.letters.factories import OpenLetterPageFactory, SignatoryFactory
from website import personal_data, roles

EDITORS_GROUPS = list(roles.GROUPS)


def admin_patterns(patterns=None, route="", namespace=""):
    """(route, URL name with its namespace, pattern) of every admin URL, from the resolver."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from admin_patterns(pattern.url_patterns, route + str(pattern.pattern), inner)
        elif (route + str(pattern.pattern)).startswith("admin/") and pattern.name:
            yield route + str(pattern.pattern), ":".join(filter(None, [namespace, pattern.name])), pattern


def url_for(name, pattern, pk):
    return reverse(name, kwargs=dict.fromkeys(pattern.pattern.regex.groupindex, pk))


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def names_shown(record):
    """What would identify the person: their name (and, for a request, the organisation's)."""
    return [value for value in (getattr(record, "name", None), getattr(record, "contact_name", None)) if value]


# Every record has the same id, as each would on a new SQLite database, where each table counts from 1: the walk
# below tries each admin URL with that id and the pages' ids, on either database, rather than with eight ids on
# PostgreSQL, whose sequences run on from test to test.
RECORD_ID = 1_000_000_007


@pytest.fixture
def records(signup_page, rally, home_page, petition):
    campaign = CampaignPageFactory(parent=petition.get_parent().get_parent(), title="Save the library")
    return {
        Supporter: Supporter.objects.create(
            pk=RECORD_ID, page=signup_page, name="Zelda Quartermain", email="zelda@example.org"
        ),
        Registration: RegistrationFactory(
            pk=RECORD_ID, event=rally, name="Yolanda Pemberton", email="yolanda@example.org"
        ),
        EndorsementRequest: EndorsementRequestFactory(
            pk=RECORD_ID, name="Quartz Miners Union", contact_name="Xavier Ollerenshaw", campaign=campaign
        ),
        Signature: Signature.objects.create(
            pk=RECORD_ID, petition=petition, name="Wilhelmina Sturridge", email="w@example.org"
        ),
        Signatory: SignatoryFactory(
            pk=RECORD_ID,
            letter=OpenLetterPageFactory(parent=campaign, title="Open letter"),
            name="Wilhelmina Vanderpump",
        ),
    }


def record_urls(records):
    """(URL, registry entry, record) for every admin URL that belongs to a model holding personal data."""
    urls = []
    for route, name, pattern in admin_patterns():
        entry = personal_data.entry_for_admin_view(pattern.callback, route)
        if entry is None:
            # Belt and braces: a route that names a registered model but is not recognised as its view.
            assert not any(
                f"{e.model._meta.app_label}/{e.model._meta.model_name}" in route for e in personal_data.registered()
            ), route
            continue
        record = records[entry.model]
        url = url_for(name, pattern, record.pk)
        urls.append((url, entry, record))
        if name.endswith("_index"):
            urls += [(f"{url}?export=csv", entry, record), (f"{url}?export=xlsx", entry, record)]
    return urls


def test_the_registry_holds_every_record_of_visitors():
    assert {entry.model for entry in personal_data.registered()} >= {Supporter, Registration, EndorsementRequest}
    for entry in personal_data.registered():
        entry.model._meta.get_field(entry.email_field)
        assert entry.description


@pytest.mark.django_db
def test_no_visitors_record_enters_wagtails_reference_index(records):
    """Nobody's sign-up is a "usage" of a page, and none queues an index task: each record kind opts out, and the
    registry refuses one that does not."""
    for entry in personal_data.registered():
        assert entry.model not in ReferenceIndex.tracked_models, entry.model
        assert not ReferenceIndex.objects.filter(content_type=ContentType.objects.get_for_model(entry.model)).exists()

    careless = type("Careless", (), {"_meta": Supporter._meta})  # a record kind that forgot to opt out
    with pytest.raises(TypeError, match="wagtail_reference_index_ignore"):
        personal_data.register(careless, "email", "Careless records")


@pytest.mark.django_db
@pytest.mark.parametrize("group", EDITORS_GROUPS)
def test_only_those_who_may_see_a_record_open_any_admin_view_of_it(group, records, group_member):
    client, user = group_member(group)
    urls = record_urls(records)
    # Each model's listing, inspect and history pages at least, and the history page the finding used.
    assert {entry.model for _, entry, _ in urls} == set(records)
    assert f"/admin/signup/supporter/history/{records[Supporter].pk}/" in [url for url, _, _ in urls]

    for url, entry, record in urls:
        response = client.get(url)
        body = body_of(response)
        if user.has_perm(entry.view_permission):
            if any(f"/{action}/" in url for action in ("inspect", "history")):
                assert response.status_code == 200, url
                assert any(name in body for name in names_shown(record)), url  # the check below can see a leak
            continue
        assert response.status_code != 200, (group, url)
        assert not any(name in body for name in names_shown(record)), (group, url)
        # Nor can a post change or delete it.
        client.post(url, {"decision": "decline"})
        assert type(record).objects.filter(pk=record.pk).exists(), (group, url)


@pytest.mark.django_db
def test_the_history_page_of_a_sign_up_is_refused_to_a_press_officer(records, group_member):
    """The finding itself: /admin/signup/supporter/history/1/ read "History: <the supporter's name>"."""
    client, _ = group_member(roles.PRESS_OFFICERS)
    response = client.get(f"/admin/signup/supporter/history/{records[Supporter].pk}/")
    assert response.status_code == 403
    assert "Zelda Quartermain" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("group", [roles.MODERATORS, roles.ADMINISTRATORS])
def test_no_other_admin_page_names_a_record_its_group_may_not_see(group, records, group_member):
    """The whole admin, not only the records' own views: usage and history pages of the pages and organisations
    the records point at, reports, searches. Each URL that takes an id is tried with every related id."""
    client, user = group_member(group)
    client.raise_request_exception = False
    hidden = {
        model: record
        for model, record in records.items()
        if not user.has_perm(personal_data.entry_for(model).view_permission)
    }
    assert hidden
    # 1 as well: the first of every other table (the root page, the first user, group and collection).
    ids = (
        {1}
        | {record.pk for record in records.values()}
        | {
            records[Supporter].page_id,
            records[Registration].event_id,
            records[EndorsementRequest].campaign_id,
        }
    )
    secrets = [name for record in hidden.values() for name in names_shown(record)]
    for query in ("Zelda", "Yolanda", "Xavier", "Quartz"):
        for url in ("/admin/search/", "/admin/pages/search/", "/admin/reports/site-history/"):
            assert not any(secret in body_of(client.get(url, {"q": query})) for secret in secrets), url
    for _route, name, pattern in admin_patterns():
        parameters = list(pattern.pattern.regex.groupindex)
        if len(parameters) != 1:
            continue
        for pk in ids:
            try:
                url = url_for(name, pattern, pk)
            except NoReverseMatch:  # a parameter that is not an id (a slug, an app label)
                break
            body = body_of(client.get(url))
            assert not any(secret in body for secret in secrets), (group, url)
