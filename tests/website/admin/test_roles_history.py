"""The editors' groups a fresh database gets: the same since each app declares its own rights.

Migration website/0003 runs a frozen copy of the roles table (website/migrations/_roles_0003.py); the living one is
website/roles.py plus every app's AppConfig.group_permissions and group_sections (website/features.py).
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from website import roles
from website.migrations import _roles_0003

# (group, where, app label, model, codename) on a fresh database, as it was before the apps declared their rights.
FRESH_DATABASE = [
    ("Administrators", "collection", "wagtailcore", "collection", "add_collection"),
    ("Administrators", "collection", "wagtailcore", "collection", "change_collection"),
    ("Administrators", "collection", "wagtailcore", "collection", "delete_collection"),
    ("Administrators", "collection", "wagtaildocs", "document", "add_document"),
    ("Administrators", "collection", "wagtaildocs", "document", "change_document"),
    ("Administrators", "collection", "wagtaildocs", "document", "choose_document"),
    ("Administrators", "collection", "wagtaildocs", "document", "delete_document"),
    ("Administrators", "collection", "wagtailimages", "image", "add_image"),
    ("Administrators", "collection", "wagtailimages", "image", "change_image"),
    ("Administrators", "collection", "wagtailimages", "image", "choose_image"),
    ("Administrators", "collection", "wagtailimages", "image", "delete_image"),
    ("Administrators", "model", "auth", "user", "add_user"),
    ("Administrators", "model", "auth", "user", "change_user"),
    ("Administrators", "model", "auth", "user", "delete_user"),
    ("Administrators", "model", "campaigns", "registration", "view_registration"),
    ("Administrators", "model", "endorsements", "endorsementrequest", "change_endorsementrequest"),
    ("Administrators", "model", "endorsements", "endorsementrequest", "view_endorsementrequest"),
    ("Administrators", "model", "endorsements", "organisation", "add_organisation"),
    ("Administrators", "model", "endorsements", "organisation", "change_organisation"),
    ("Administrators", "model", "endorsements", "organisation", "delete_organisation"),
    ("Administrators", "model", "endorsements", "organisation", "view_organisation"),
    ("Administrators", "model", "social", "socialpost", "add_socialpost"),
    ("Administrators", "model", "social", "socialpost", "change_socialpost"),
    ("Administrators", "model", "social", "socialpost", "delete_socialpost"),
    ("Administrators", "model", "social", "socialpost", "view_socialpost"),
    ("Administrators", "model", "wagtailadmin", "admin", "access_admin"),
    ("Administrators", "model", "wagtailcore", "site", "add_site"),
    ("Administrators", "model", "wagtailcore", "site", "change_site"),
    ("Administrators", "model", "wagtailcore", "site", "delete_site"),
    ("Administrators", "model", "wagtailcore", "task", "add_task"),
    ("Administrators", "model", "wagtailcore", "task", "change_task"),
    ("Administrators", "model", "wagtailcore", "task", "delete_task"),
    ("Administrators", "model", "wagtailcore", "workflow", "add_workflow"),
    ("Administrators", "model", "wagtailcore", "workflow", "change_workflow"),
    ("Administrators", "model", "wagtailcore", "workflow", "delete_workflow"),
    ("Administrators", "model", "wagtailredirects", "redirect", "add_redirect"),
    ("Administrators", "model", "wagtailredirects", "redirect", "change_redirect"),
    ("Administrators", "model", "wagtailredirects", "redirect", "delete_redirect"),
    ("Administrators", "model", "wagtailsearchpromotions", "searchpromotion", "add_searchpromotion"),
    ("Administrators", "model", "wagtailsearchpromotions", "searchpromotion", "change_searchpromotion"),
    ("Administrators", "model", "wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion"),
    ("Administrators", "model", "website", "navigation", "change_navigation"),
    ("Administrators", "model", "website", "sitesettings", "change_sitesettings"),
    ("Administrators", "page depth 1", "wagtailcore", "page", "add_page"),
    ("Administrators", "page depth 1", "wagtailcore", "page", "bulk_delete_page"),
    ("Administrators", "page depth 1", "wagtailcore", "page", "change_page"),
    ("Administrators", "page depth 1", "wagtailcore", "page", "lock_page"),
    ("Administrators", "page depth 1", "wagtailcore", "page", "publish_page"),
    ("Administrators", "page depth 1", "wagtailcore", "page", "unlock_page"),
    ("Campaign organisers", "collection", "wagtailimages", "image", "add_image"),
    ("Campaign organisers", "collection", "wagtailimages", "image", "change_image"),
    ("Campaign organisers", "collection", "wagtailimages", "image", "choose_image"),
    ("Campaign organisers", "model", "campaigns", "registration", "view_registration"),
    ("Campaign organisers", "model", "wagtailadmin", "admin", "access_admin"),
    ("Endorsements editors", "collection", "wagtailimages", "image", "add_image"),
    ("Endorsements editors", "collection", "wagtailimages", "image", "change_image"),
    ("Endorsements editors", "collection", "wagtailimages", "image", "choose_image"),
    ("Endorsements editors", "model", "endorsements", "endorsementrequest", "change_endorsementrequest"),
    ("Endorsements editors", "model", "endorsements", "endorsementrequest", "view_endorsementrequest"),
    ("Endorsements editors", "model", "endorsements", "organisation", "add_organisation"),
    ("Endorsements editors", "model", "endorsements", "organisation", "change_organisation"),
    ("Endorsements editors", "model", "endorsements", "organisation", "delete_organisation"),
    ("Endorsements editors", "model", "endorsements", "organisation", "view_organisation"),
    ("Endorsements editors", "model", "wagtailadmin", "admin", "access_admin"),
    ("Moderators", "collection", "wagtaildocs", "document", "add_document"),
    ("Moderators", "collection", "wagtaildocs", "document", "change_document"),
    ("Moderators", "collection", "wagtaildocs", "document", "choose_document"),
    ("Moderators", "collection", "wagtailimages", "image", "add_image"),
    ("Moderators", "collection", "wagtailimages", "image", "change_image"),
    ("Moderators", "collection", "wagtailimages", "image", "choose_image"),
    ("Moderators", "model", "endorsements", "organisation", "add_organisation"),
    ("Moderators", "model", "endorsements", "organisation", "change_organisation"),
    ("Moderators", "model", "endorsements", "organisation", "delete_organisation"),
    ("Moderators", "model", "endorsements", "organisation", "view_organisation"),
    ("Moderators", "model", "social", "socialpost", "add_socialpost"),
    ("Moderators", "model", "social", "socialpost", "change_socialpost"),
    ("Moderators", "model", "social", "socialpost", "delete_socialpost"),
    ("Moderators", "model", "social", "socialpost", "view_socialpost"),
    ("Moderators", "model", "wagtailadmin", "admin", "access_admin"),
    ("Moderators", "page depth 1", "wagtailcore", "page", "add_page"),
    ("Moderators", "page depth 1", "wagtailcore", "page", "change_page"),
    ("Moderators", "page depth 1", "wagtailcore", "page", "lock_page"),
    ("Moderators", "page depth 1", "wagtailcore", "page", "publish_page"),
    ("Moderators", "page depth 1", "wagtailcore", "page", "unlock_page"),
    ("Press officers", "collection", "wagtaildocs", "document", "add_document"),
    ("Press officers", "collection", "wagtaildocs", "document", "change_document"),
    ("Press officers", "collection", "wagtaildocs", "document", "choose_document"),
    ("Press officers", "collection", "wagtailimages", "image", "add_image"),
    ("Press officers", "collection", "wagtailimages", "image", "change_image"),
    ("Press officers", "collection", "wagtailimages", "image", "choose_image"),
    ("Press officers", "model", "social", "socialpost", "add_socialpost"),
    ("Press officers", "model", "social", "socialpost", "change_socialpost"),
    ("Press officers", "model", "social", "socialpost", "delete_socialpost"),
    ("Press officers", "model", "social", "socialpost", "view_socialpost"),
    ("Press officers", "model", "wagtailadmin", "admin", "access_admin"),
    ("Supporter data managers", "model", "signup", "supporter", "view_supporter"),
    ("Supporter data managers", "model", "wagtailadmin", "admin", "access_admin"),
    # Given by later migrations of their own: home/0005 (the livestream notice), website/0008 (data rights),
    # petitions/0002 (signatures).
    ("Administrators", "model", "home", "livestreamnotice", "change_livestreamnotice"),
    ("Administrators", "model", "home", "livestreamnotice", "view_livestreamnotice"),
    ("Moderators", "model", "home", "livestreamnotice", "change_livestreamnotice"),
    ("Moderators", "model", "home", "livestreamnotice", "view_livestreamnotice"),
    ("Press officers", "model", "home", "livestreamnotice", "change_livestreamnotice"),
    ("Press officers", "model", "home", "livestreamnotice", "view_livestreamnotice"),
    ("Supporter data managers", "model", "website", "datarightslog", "manage_data_rights"),
    ("Supporter data managers", "model", "petitions", "signature", "view_signature"),  # petitions/0002
    ("Moderators", "model", "letters", "signatory", "view_signatory"),  # letters/0002
    ("Moderators", "model", "letters", "signatory", "change_signatory"),
    ("Supporter data managers", "model", "letters", "signatory", "view_signatory"),
    ("Administrators", "model", "letters", "signatory", "view_signatory"),
    ("Administrators", "model", "letters", "signatory", "change_signatory"),
    ("Moderators", "model", "petitions", "signature", "review_signature_name"),  # petitions/0004
    ("Supporter data managers", "model", "letters", "signatory", "contact_signatory"),  # letters/0004
    ("Administrators", "model", "petitions", "signature", "review_signature_name"),
]


def granted():
    rows = []
    for group in Group.objects.order_by("name"):
        for permission in group.permissions.select_related("content_type"):
            content_type = permission.content_type
            rows.append((group.name, "model", content_type.app_label, content_type.model, permission.codename))
        for grant in GroupCollectionPermission.objects.filter(group=group).select_related("permission__content_type"):
            content_type = grant.permission.content_type
            rows.append(
                (group.name, "collection", content_type.app_label, content_type.model, grant.permission.codename)
            )
        for grant in GroupPagePermission.objects.filter(group=group).select_related("page", "permission"):
            rows.append(
                (group.name, f"page depth {grant.page.depth}", "wagtailcore", "page", grant.permission.codename)
            )
    return sorted(rows)


@pytest.mark.django_db
def test_a_fresh_database_has_the_groups_it_always_had():
    assert granted() == sorted(FRESH_DATABASE)


@pytest.mark.django_db
def test_the_apps_declarations_add_nothing_to_what_the_migration_gave():
    roles.ensure_roles()
    assert granted() == sorted(FRESH_DATABASE)


def test_the_living_table_keeps_every_right_the_frozen_one_gave():
    """Rights given since migration 0003 come with migrations of their own (the livestream notice, petitions,
    letters, data rights); nothing the frozen table gave is taken away except by REVOKED's migration."""
    living = roles.group_permissions()
    assert set(living) == set(_roles_0003.GROUPS)
    for name, spec in living.items():
        for key in ("models", "collections", "root_pages"):
            assert set(_roles_0003.GROUPS[name].get(key, [])) <= set(spec.get(key, [])), (name, key)
    assert _roles_0003.SECTIONS.items() <= roles.sections().items()


def test_the_foundations_table_names_no_feature_app():
    source = Path(roles.__file__).read_text()
    for app in ("campaigns", "news", "social", "signup", "endorsements"):
        assert f'"{app}"' not in source
