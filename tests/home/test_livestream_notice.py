"""A press officer posts a delay to the home page's livestream in the admin, without the right to rewrite the home
page: the notice is the "Livestream notice" setting (Settings → Livestream notice)."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from home.livestream_demo import LIVESTREAM_NOTICE
from home.models import HomePage, LivestreamNotice
from website import roles

DELAY = "Slight delay: our Socialist Telly slot goes out at 8pm, not 7:30pm"
BEFORE_THE_STREAM = datetime.datetime(2026, 3, 29, 12, 0, tzinfo=datetime.UTC)


def livestream_section(html):
    start = html.index('<section class="livestream')
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_a_press_officer_changes_the_notice_from_the_settings_menu(client, demo_site, group_member):
    officer, user = group_member(roles.PRESS_OFFICERS)
    home = HomePage.objects.get()
    dashboard = officer.get("/admin/").content.decode()
    assert "/admin/settings/home/livestreamnotice/" in dashboard

    form = officer.get(f"/admin/settings/home/livestreamnotice/{demo_site.pk}/")
    assert form.status_code == 200
    assert LIVESTREAM_NOTICE in form.content.decode()
    saved = officer.post(f"/admin/settings/home/livestreamnotice/{demo_site.pk}/", {"notice": DELAY})
    assert saved.status_code == 302

    with mock.patch("django.utils.timezone.now", return_value=BEFORE_THE_STREAM):
        section = livestream_section(client.get("/").content.decode())
    assert "Slight delay: our Socialist Telly slot goes out at 8pm" in section
    assert LIVESTREAM_NOTICE not in section
    # Nothing of the home page itself is theirs: neither its editor nor its publishing.
    assert officer.get(f"/admin/pages/{home.pk}/edit/").status_code in (302, 403)
    assert not home.permissions_for_user(user).can_edit()


@pytest.mark.django_db
def test_only_the_groups_the_guide_names_may_change_it(demo_site):
    may = set(Group.objects.filter(permissions__codename="change_livestreamnotice").values_list("name", flat=True))
    assert may == {roles.PRESS_OFFICERS, roles.MODERATORS, roles.ADMINISTRATORS}


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_the_home_pages_notice_into_the_setting(site):
    home = site.root_page.specific
    home.body = [
        (
            "livestream",
            {"title": "Telly", "url": "https://www.youtube.com/live/dQw4w9WgXcQ", "starts_at": BEFORE_THE_STREAM},
        )
    ]
    home.save()
    # The notice as the block stored it before it moved.
    raw = home.body.get_prep_value()
    raw[0]["value"]["notice"] = "Now at 7:30pm"
    HomePage.objects.filter(pk=home.pk).update(body=raw)
    # A transactional test before this one may have flushed the groups the migrations made: the grant needs them.
    for name in (roles.PRESS_OFFICERS, roles.MODERATORS, roles.ADMINISTRATORS):
        Group.objects.get_or_create(name=name)
    executor = MigrationExecutor(connection)
    executor.migrate([("home", "0004_faults_labels_help_and_whole_pixels")])
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert LivestreamNotice.objects.get(site=site).notice == "Now at 7:30pm"
    assert Group.objects.get(name=roles.PRESS_OFFICERS).permissions.filter(codename="change_livestreamnotice").exists()
    assert Permission.objects.filter(codename="change_livestreamnotice").count() == 1
