"""Each editors' group does its work through the admin's own views, and sees nothing it should not."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignPage, Registration
from endorsements.models import EndorsementRequest, RequestStatus
from news.models import NewsKind, NewsPage
from signup.models import Supporter, SupporterStatus
from tests.campaigns.factories import (
    EventPageFactory,
    RegistrationFactory,
)
from tests.endorsements.factories import EndorsementRequestFactory
from tests.factories import add_pages
from tests.website.utils import campaign_form, not_allowed
from website import roles

SUPPORTERS = "/admin/signup/supporter/"
REGISTRATIONS = "/admin/campaigns/registration/"


def news_form(title, action="action-publish"):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "kind": NewsKind.PRESS_RELEASE,
            "date": "2026-11-25",
            "listing_summary": "What it is about.",
            "listing_image": "",
            "body": streamfield([("text", rich_text("<p>The network responds.</p>"))]),
            "tags": "",
            "related_campaign": "",
            "press_contact_name": "",
            "press_contact_email": "press@example.org",
            "press_contact_phone": "",
            "comments": inline_formset([]),
            action: action,
        }
    )


@pytest.mark.django_db
def test_the_migration_made_exactly_the_groups_of_the_guide():
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.GROUPS)


@pytest.mark.django_db
def test_a_section_made_after_the_migrations_gets_its_rights_and_workflow_once(sections):
    roles.ensure_roles()  # a second run adds nothing
    news_rights = GroupPagePermission.objects.filter(page=sections["news"])
    assert sorted(news_rights.values_list("permission__codename", flat=True)) == sorted(
        f"{action}_page" for action in roles.EDITORIAL_PAGES
    )
    assert set(news_rights.values_list("group__name", flat=True)) == {roles.PRESS_OFFICERS}
    organisers = GroupPagePermission.objects.filter(page=sections["campaigns"], group__name=roles.ORGANISERS)
    assert sorted(organisers.values_list("permission__codename", flat=True)) == ["add_page", "change_page"]
    for index in (sections["campaigns"], sections["events"]):
        assert WorkflowPage.objects.get(page=index).workflow.name == roles.CAMPAIGN_WORKFLOW
    assert not WorkflowPage.objects.filter(page=sections["news"]).exists()


@pytest.mark.django_db
def test_a_press_officer_publishes_news_at_once_but_never_sees_supporters(sections, member):
    client, _ = member(roles.PRESS_OFFICERS)
    index = sections["news"]
    response = client.post(f"/admin/pages/add/news/newspage/{index.pk}/", news_form("Budget rapid response"))
    assert response.status_code == 302, response.context["form"].errors
    item = NewsPage.objects.get(title="Budget rapid response")
    assert item.live and item.get_parent().pk == index.pk
    assert Client().get(item.url).status_code == 200

    assert not_allowed(client.get(SUPPORTERS))
    assert not_allowed(client.get(f"{SUPPORTERS}?export=csv"))
    assert not_allowed(client.get(REGISTRATIONS))
    # Nor can they write under the campaigns.
    assert not_allowed(client.get(f"/admin/pages/add/campaigns/campaignpage/{sections['campaigns'].pk}/"))


@pytest.mark.django_db
def test_an_endorsements_editor_approves_a_request_but_cannot_publish_news_or_see_supporters(sections, member):
    client, _ = member(roles.ENDORSEMENTS_EDITORS)
    request = EndorsementRequestFactory()
    assert client.get("/admin/endorsements/endorsementrequest/").status_code == 200
    response = client.post(f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED and request.organisation.listed

    response = client.post(f"/admin/pages/add/news/newspage/{sections['news'].pk}/", news_form("Not theirs"))
    assert not_allowed(response)
    assert not NewsPage.objects.filter(title="Not theirs").exists()
    assert not_allowed(client.get(SUPPORTERS))


@pytest.mark.django_db
def test_an_organisers_campaign_waits_for_a_moderator_who_is_told_and_approves_it(sections, member, settings):
    organiser, organiser_user = member(roles.ORGANISERS)
    moderator, moderator_user = member(roles.MODERATORS)
    index = sections["campaigns"]

    # Publishing is not theirs: the publish button does nothing for them.
    organiser.post(
        f"/admin/pages/add/campaigns/campaignpage/{index.pk}/", campaign_form("Try to publish", "action-publish")
    )
    assert not CampaignPage.objects.filter(title="Try to publish", live=True).exists()

    mail.outbox.clear()
    response = organiser.post(f"/admin/pages/add/campaigns/campaignpage/{index.pk}/", campaign_form("Save the library"))
    assert response.status_code == 302
    campaign = CampaignPage.objects.get(title="Save the library")
    assert not campaign.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(campaign.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == roles.CAMPAIGN_WORKFLOW
    assert any(moderator_user.email in message.to for message in mail.outbox)
    assert not any(organiser_user.email in message.to for message in mail.outbox)

    # It waits on the moderator's dashboard, and the public doesn't see it.
    assert "Save the library" in moderator.get("/admin/").content.decode()
    assert Client().get(f"{index.url}save-the-library/").status_code == 404

    task_state = state.current_task_state
    response = moderator.post(
        f"/admin/pages/workflow/action/{campaign.pk}/approve/{task_state.pk}/", {"comment": "Good to go"}
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.live
    assert Client().get(campaign.url).status_code == 200


@pytest.mark.django_db
def test_an_organiser_cannot_approve_a_campaign(sections, member):
    organiser, _ = member(roles.ORGANISERS)
    organiser.post(f"/admin/pages/add/campaigns/campaignpage/{sections['campaigns'].pk}/", campaign_form("Mine"))
    campaign = CampaignPage.objects.get(title="Mine")
    task_state = WorkflowState.objects.get(object_id=str(campaign.pk)).current_task_state
    response = organiser.post(f"/admin/pages/workflow/action/{campaign.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert not_allowed(response)
    campaign.refresh_from_db()
    assert not campaign.live


@pytest.mark.django_db
def test_only_supporter_data_managers_list_and_export_supporters(sections, member, home_page):
    Supporter.objects.create(
        email="ada@example.org",
        name="Ada",
        status=SupporterStatus.CONFIRMED,
        data_consent=True,
        consent_text="I agree.",
        consent_version="1",
    )
    client, _ = member(roles.SUPPORTER_DATA)
    assert client.get(SUPPORTERS).status_code == 200
    export = client.get(f"{SUPPORTERS}?export=csv")
    assert export.status_code == 200 and "ada@example.org" in b"".join(export.streaming_content).decode()
    for group in set(roles.GROUPS) - {roles.SUPPORTER_DATA}:
        other, _ = member(group)
        assert not_allowed(other.get(SUPPORTERS)), group
        assert not_allowed(other.get(f"{SUPPORTERS}?export=csv")), group
        assert "ada@example.org" not in other.get("/admin/").content.decode()


@pytest.mark.django_db
def test_organisers_list_and_export_registrations_but_change_none(sections, member):
    event = EventPageFactory(parent=sections["events"])
    registration = RegistrationFactory(event=event, email="bea@example.org")
    client, _ = member(roles.ORGANISERS)
    assert client.get(REGISTRATIONS).status_code == 200
    export = client.get(f"{REGISTRATIONS}?export=csv")
    assert export.status_code == 200 and "bea@example.org" in b"".join(export.streaming_content).decode()
    assert not_allowed(client.get(f"{REGISTRATIONS}edit/{registration.pk}/"))
    assert not_allowed(client.get(f"{REGISTRATIONS}delete/{registration.pk}/"))


@pytest.mark.django_db
def test_a_moderator_publishes_anywhere_editorial_and_edits_every_snippet(sections, member):
    client, _ = member(roles.MODERATORS)
    response = client.post(f"/admin/pages/add/news/newspage/{sections['news'].pk}/", news_form("Statement"))
    assert response.status_code == 302
    assert NewsPage.objects.get(title="Statement").live
    assert client.get("/admin/snippets/endorsements/organisation/add/").status_code == 200
    assert client.get("/admin/snippets/social/socialpost/add/").status_code == 200
    assert not_allowed(client.get("/admin/settings/website/sitesettings/"))


@pytest.mark.django_db
def test_administrators_run_settings_users_and_redirects(sections, member):
    client, _ = member(roles.ADMINISTRATORS)
    for url in ("/admin/settings/website/sitesettings/", "/admin/settings/website/navigation/", "/admin/users/"):
        assert client.get(url, follow=True).status_code == 200, url
    assert client.get("/admin/redirects/add/").status_code == 200
    assert client.get("/admin/workflows/list/").status_code == 200


@pytest.mark.django_db
def test_each_dashboard_panel_shows_only_to_those_allowed(sections, member):
    EndorsementRequestFactory(name="Bakers branch")
    EventPageFactory(parent=sections["events"], title="Rally for the library")
    panels = {
        roles.PRESS_OFFICERS: set(),
        roles.ENDORSEMENTS_EDITORS: {"Endorsement requests waiting for you"},
        roles.ORGANISERS: {"Event registrations"},
        roles.SUPPORTER_DATA: {"New sign-ups"},
    }
    every = {"Endorsement requests waiting for you", "Event registrations", "New sign-ups"}
    for group, shown in panels.items():
        client, _ = member(group)
        html = client.get("/admin/").content.decode()
        assert "Rally for the library" in html, group  # upcoming events, for everyone
        for heading in every:
            assert (heading in html) == (heading in shown), (group, heading)


DAY = datetime.date(2026, 1, 1)


@pytest.mark.django_db
def test_the_dashboard_runs_as_many_queries_for_200_records_as_for_10(sections, admin_client):
    def add(count):
        # In bulk (a query or two per kind of record): one at a time, the 200 pages took a quarter of a minute.
        start = Page.objects.count()
        titles = [f"Event {start + n}" for n in range(count)]
        events = add_pages(sections["events"], [EventPageFactory.build(title=title) for title in titles])
        Registration.objects.bulk_create(RegistrationFactory.build(event=event) for event in events)
        EndorsementRequest.objects.bulk_create(EndorsementRequestFactory.build() for _ in range(count))
        emails = [f"person{Supporter.objects.count() + n}@example.org" for n in range(count)]
        Supporter.objects.bulk_create(
            Supporter(
                email=email,
                status=SupporterStatus.CONFIRMED,
                data_consent=True,
                consent_text="I agree.",
                consent_version="1",
            )
            for email in emails
        )
        scheduled = [
            NewsPage(title=f"Scheduled {start + n}", slug=f"scheduled-{start + n}", kind=NewsKind.NEWS, date=DAY)
            for n in range(count)
        ]
        for page in add_pages(sections["news"], scheduled):
            page.save_revision(approved_go_live_at=datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC))

    def queries():
        admin_client.get("/admin/")  # warm caches (content types, site)
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get("/admin/")
        assert response.status_code == 200
        return len(captured)

    add(10)
    with_10 = queries()
    add(190)
    assert queries() == with_10
