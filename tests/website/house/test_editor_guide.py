"""docs/editors.md stays true: the menus, settings and admin addresses it names exist, and its groups are the site's."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve
from wagtail import hooks
from wagtail.admin.menu import admin_menu

from tests.website.utils import GUIDE

MENU_PATHS = sorted({bold.strip() for bold in re.findall(r"\*\*(.+?)\*\*", GUIDE) if "→" in bold})
ADMIN_URLS = sorted(set(re.findall(r"`(/admin/[^`\s]*)`", GUIDE)))


def group_table():
    section = GUIDE.split("## Who can do what", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]  # past the header and its rule
    return [row.split("|")[1].strip() for row in rows]


def menu_labels(request):
    """{top-level label: {labels inside it}} of the admin menu as this user sees it."""
    menu = {}
    for item in admin_menu.menu_items_for_request(request):
        submenu = getattr(item, "menu", None)
        menu[item.label] = {sub.label for sub in submenu.menu_items_for_request(request)} if submenu else set()
    menu["Account"] = {hook(request)["label"] for hook in hooks.get_hooks("register_account_menu_item")}
    return menu


def test_the_guide_names_menu_paths_and_admin_addresses():
    assert len(MENU_PATHS) >= 6 and "Settings → Redirects" in MENU_PATHS
    assert "/admin/" in ADMIN_URLS


@pytest.mark.django_db
@pytest.mark.parametrize("path", MENU_PATHS)
def test_each_menu_path_in_the_guide_is_in_the_admin(path, rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    menu = menu_labels(request)
    top, *inside = [part.strip() for part in path.split("→")]
    assert top in menu, f"no '{top}' in the admin menu: {sorted(menu)}"
    for label in inside[:1]:
        assert label in menu[top], f"no '{label}' under '{top}': {sorted(menu[top])}"


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_each_admin_address_in_the_guide_resolves(url):
    resolve(url)


@pytest.mark.django_db
def test_the_guides_groups_are_the_sites_groups():
    assert sorted(group_table()) == sorted(Group.objects.values_list("name", flat=True))
