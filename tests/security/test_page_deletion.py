"""Deleting a page is for those who may publish it, as the editors' guide says: organisers delete nothing."""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
)
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from website import roles


@pytest.fixture
def drafts(home_page, group_member):
    """An unpublished page in each section, written by an organiser (news by a press officer)."""
    _, organiser = group_member(roles.ORGANISERS, "first-organiser")
    _, press_officer = group_member(roles.PRESS_OFFICERS, "first-press-officer")
    campaigns = CampaignIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    return {
        "campaign": CampaignPageFactory(parent=campaigns, title="Draft campaign", live=False, owner=organiser),
        "event": EventPageFactory(parent=events, title="Draft event", live=False, owner=organiser),
        "news": NewsPageFactory(parent=news, title="Draft news", live=False, owner=press_officer),
    }


def delete(client, page):
    client.post(f"/admin/pages/{page.pk}/delete/")
    return not Page.objects.filter(pk=page.pk).exists()


@pytest.mark.django_db
def test_an_organiser_cannot_delete_another_organisers_draft(drafts, group_member):
    client, _ = group_member(roles.ORGANISERS, "second-organiser")
    assert not delete(client, drafts["campaign"])
    assert not delete(client, drafts["event"])
    assert "/delete/" not in client.get(f"/admin/pages/{drafts['campaign'].pk}/edit/").content.decode()


@pytest.mark.django_db
def test_an_organiser_cannot_delete_even_their_own_draft(drafts):
    client = Client()
    client.force_login(drafts["campaign"].owner)
    assert not delete(client, drafts["campaign"])


@pytest.mark.django_db
def test_an_organiser_cannot_move_a_campaign_either(drafts, group_member):
    client, _ = group_member(roles.ORGANISERS, "second-organiser")
    response = client.get(f"/admin/pages/{drafts['campaign'].pk}/move/")
    assert response.status_code in (302, 403)


# Who may delete a draft in each section, as docs/editors.md's "Who can do what" gives publishing.
MAY_DELETE = {
    roles.PRESS_OFFICERS: {"news"},
    roles.ORGANISERS: set(),
    roles.ENDORSEMENTS_EDITORS: set(),
    roles.MODERATORS: {"news", "campaign", "event"},
    roles.SUPPORTER_DATA: set(),
    roles.ADMINISTRATORS: {"news", "campaign", "event"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("group", list(MAY_DELETE))
def test_each_group_deletes_only_where_it_publishes(group, drafts, group_member):
    client, _ = group_member(group, "deleter")
    for section in ("news", "campaign", "event"):
        assert delete(client, drafts[section]) == (section in MAY_DELETE[group]), section
