"""A save that began before a publish and ends after it leaves the page live.

Wagtail saves an editor's draft by itself (autosave) half a second after each change. A press officer who picks the
picture and clicks Publish at once sends the autosave and the publish side by side: the autosave read the page while
it was a draft and, finishing last, wrote the whole row back, `live` = False and all. The admin said "published"
and the page was not (a browser test caught it under load). Here the publish is made to land inside the autosave,
between its read and its write, as it did then."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from website.models import StandardPage
from website.unseen_publish import published_since_read


def publish_meanwhile(page_id, then=None):
    """The editor's save, with someone else's publish of the page landing after the view read the page and before
    its save's transaction (so that a conflict rolling the save back leaves the publish, as it would)."""
    original = EditView.form_valid

    def form_valid(view, form):
        Page.objects.get(pk=page_id).specific.save_revision().publish()
        if then:
            then()
        return original(view, form)

    return mock.patch.object(EditView, "form_valid", form_valid)


def edit(client, page, headers=None, **fields):
    """The editor's form for `page` sent as it stands, with `fields` changed or added (a button's name)."""
    data = {"title": page.title, "slug": page.slug, "body": streamfield([]), **fields}
    return client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data), headers=headers or {})


def autosave(client, page, **fields):
    """The request Wagtail's editor sends by itself, answered in JSON."""
    return edit(client, page, headers={"accept": "application/json"}, **fields)


@pytest.fixture
def draft(home_page):
    page = home_page.add_child(instance=StandardPage(title="Budget response", slug="budget-response", live=False))
    page.save_revision()
    return page


@pytest.mark.django_db
def test_an_autosave_that_read_the_draft_does_not_unpublish_what_was_published_meanwhile(admin_client, draft):
    with publish_meanwhile(draft.pk):
        response = autosave(admin_client, draft, title="Budget response, within the hour")
    assert response.json()["success"] is True

    page = StandardPage.objects.get(pk=draft.pk)
    assert page.live
    assert page.live_revision_id is not None
    assert page.first_published_at is not None and page.last_published_at is not None
    # The autosave's words are kept, as a draft waiting on top of what is live.
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Budget response, within the hour"
    assert page.title == "Budget response"


@pytest.mark.django_db
def test_an_autosave_over_its_own_revision_meets_the_publish_as_a_conflict(admin_client, admin_user, draft):
    """Wagtail's later autosaves overwrite the editor's own autosaved revision, if it is still the latest."""
    own = draft.save_revision(user=admin_user)
    with publish_meanwhile(draft.pk):
        response = autosave(admin_client, draft, title="Budget response, within", overwrite_revision_id=own.pk)
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "invalid_revision"

    page = StandardPage.objects.get(pk=draft.pk)
    assert page.live and page.title == "Budget response"
    # The publish's revision is the latest still; the older autosave did not write over it.
    assert page.latest_revision_id == page.live_revision_id != own.pk
    own.refresh_from_db()
    assert own.content["title"] == "Budget response"


@pytest.mark.django_db
@pytest.mark.parametrize("button", [None, "action-submit"], ids=["save draft", "submit for moderation"])
def test_a_draft_saved_or_submitted_with_a_button_does_not_unpublish_either(admin_client, draft, button):
    with publish_meanwhile(draft.pk):
        response = edit(admin_client, draft, title="Budget reply", **({button: "1"} if button else {}))
    assert response.status_code == 302
    page = StandardPage.objects.get(pk=draft.pk)
    assert page.live and page.title == "Budget response"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Budget reply"
    if button == "action-submit":
        # Submitted indeed, with the editor's words, for a moderator to approve over what is live.
        assert page.workflow_in_progress
        assert page.current_workflow_state.current_task_state.revision.as_object().title == "Budget reply"


# Not the form's doing, so these pass under its guard by design; they hold back a guard in Page.save, which once
# skipped deliberate unpublishing.
@pytest.mark.django_db
def test_unpublishing_still_unpublishes(admin_client, draft):
    draft.get_latest_revision().publish()
    response = admin_client.post(f"/admin/pages/{draft.pk}/unpublish/")
    assert response.status_code == 302
    page = StandardPage.objects.get(pk=draft.pk)
    assert not page.live and page.live_revision_id is None


@pytest.mark.django_db
def test_a_page_unpublished_from_its_revision_is_unpublished(draft):
    """A revision keeps its dates to the millisecond, the row to the microsecond: no date decides the guard."""
    draft.save_revision().publish()
    # A draft saved after the publish: its revision holds `last_published_at` cut to the millisecond.
    StandardPage.objects.get(pk=draft.pk).save_revision()
    page = StandardPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    page.unpublish()
    assert not StandardPage.objects.get(pk=draft.pk).live


@pytest.mark.django_db
def test_a_page_unpublished_while_the_draft_was_open_stays_unpublished(admin_client, draft):
    """The guard keeps only a publish the saver did not see; an unpublish meanwhile is not undone."""

    def unpublish():
        Page.objects.get(pk=draft.pk).specific.unpublish()

    with publish_meanwhile(draft.pk, then=unpublish):
        response = autosave(admin_client, draft, title="Budget response, within the hour")
    assert response.json()["success"] is True
    assert not StandardPage.objects.get(pk=draft.pk).live


def sessions_waiting_for(connection):
    """How many other database sessions are waiting on a lock `connection` holds."""
    with connection.cursor() as cursor:
        # PostgreSQL reads its activity once per transaction unless told to look again.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_publish_waits_while_an_editor_publishing_writes_the_row(admin_client, draft):
    """Two editors publish the same draft at once. While the first one's form writes the row it read as a draft, the
    second one's publish waits for it (on PostgreSQL; SQLite lets one writer in at a time anyway), so it never lands
    between the form's look and its write. The editor's Publish runs outside any transaction: the form's own holds
    the row (without it, PostgreSQL refuses the lock)."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite has one writer at a time")
    looked = threading.Event()
    waited, errors = [], []

    def publish():
        try:
            looked.wait(10)
            Page.objects.get(pk=draft.pk).specific.save_revision().publish()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    def look_then_let_the_other_publish_try(page):
        found = published_since_read(page)
        looked.set()
        deadline = time.monotonic() + 10
        while not sessions_waiting_for(connection) and time.monotonic() < deadline:
            time.sleep(0.02)
        waited.append(sessions_waiting_for(connection))
        return found

    publisher = threading.Thread(target=publish)
    publisher.start()
    with mock.patch("website.page_forms.published_since_read", look_then_let_the_other_publish_try):
        response = edit(admin_client, draft, title="Budget reply", **{"action-publish": "1"})
    publisher.join(10)
    assert response.status_code == 302
    assert waited == [1], "the other publish did not wait for the row"
    assert not errors
    assert StandardPage.objects.get(pk=draft.pk).live
