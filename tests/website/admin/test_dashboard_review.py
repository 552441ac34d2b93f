"""A moderator approves a campaign from the dashboard with a button in plain sight (not behind "⋯"), and is told
what happened; asking for changes says so too; nobody else can use the buttons."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import WorkflowState

from campaigns.models import CampaignPage
from tests.website.utils import campaign_form, not_allowed
from website import roles


@pytest.fixture
def submitted(sections, member):
    organiser, _ = member(roles.ORGANISERS)
    organiser.post(f"/admin/pages/add/campaigns/campaignpage/{sections['campaigns'].pk}/", campaign_form("Save it"))
    campaign = CampaignPage.objects.get(title="Save it")
    return campaign, WorkflowState.objects.get(object_id=str(campaign.pk)).current_task_state


def review_row(html, title):
    panel = BeautifulSoup(html, "html.parser").select_one("#awaiting-review-content")
    assert panel is not None, "no 'Awaiting your review' panel"
    return next(row for row in panel.select("tbody tr") if title in row.get_text())


@pytest.mark.django_db
def test_approve_and_request_changes_are_in_plain_sight_on_the_dashboard(member, submitted):
    moderator, _ = member(roles.MODERATORS)
    row = review_row(moderator.get("/admin/").content.decode(), "Save it")
    buttons = {button.get_text(strip=True): button for button in row.select("button[type=submit]")}
    assert set(buttons) == {"Approve", "Request changes"}
    for button in buttons.values():
        # Not inside Wagtail's "⋯" dropdown, which needs two clicks and hides them.
        assert button.find_parent(attrs={"data-controller": "w-dropdown"}) is None
        assert button.find_parent("form")["method"] == "post"


@pytest.mark.django_db
def test_approving_from_the_dashboard_publishes_and_says_so(member, submitted):
    campaign, task_state = submitted
    moderator, _ = member(roles.MODERATORS)
    row = review_row(moderator.get("/admin/").content.decode(), "Save it")
    action = row.select_one("form")["action"]
    response = moderator.post(action, {"action": "approve", "comment": "Good to go"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    campaign.refresh_from_db()
    assert campaign.live
    assert Client().get(campaign.url).status_code == 200
    assert "“Save it” is approved and live on the site now." in response.content.decode()
    # It no longer waits.
    assert BeautifulSoup(response.content, "html.parser").select_one("#awaiting-review-content") is None


@pytest.mark.django_db
def test_requesting_changes_from_the_dashboard_says_the_author_is_told(member, submitted):
    campaign, task_state = submitted
    moderator, _ = member(roles.MODERATORS)
    response = moderator.post(
        f"/admin/review/{task_state.pk}/", {"action": "reject", "comment": "Add the demands"}, follow=True
    )
    assert "Changes requested on “Save it”." in response.content.decode()
    campaign.refresh_from_db()
    assert not campaign.live
    assert WorkflowState.objects.get(object_id=str(campaign.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_a_second_decision_on_the_same_task_is_refused_in_words(member, submitted):
    _, task_state = submitted
    moderator, _ = member(roles.MODERATORS)
    moderator.post(f"/admin/review/{task_state.pk}/", {"action": "approve"})
    response = moderator.post(f"/admin/review/{task_state.pk}/", {"action": "reject"}, follow=True)
    assert "is no longer waiting for review" in response.content.decode()


@pytest.mark.django_db
def test_only_those_who_may_approve_can_and_never_by_get(member, submitted):
    campaign, task_state = submitted
    organiser, _ = member(roles.ORGANISERS, username="another-organiser")
    assert not_allowed(organiser.post(f"/admin/review/{task_state.pk}/", {"action": "approve"}))
    moderator, _ = member(roles.MODERATORS)
    assert moderator.get(f"/admin/review/{task_state.pk}/").status_code == 405
    assert not_allowed(moderator.post(f"/admin/review/{task_state.pk}/", {"action": "publish-everything"}))
    campaign.refresh_from_db()
    assert not campaign.live
