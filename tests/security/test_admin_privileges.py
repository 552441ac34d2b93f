"""Nobody gives an account more rights than they hold; superuser status is a superuser's alone.

Driven through Wagtail's user admin as a member of the Administrators group would use it (or misuse it).
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from website import roles

PASSWORD = "a-new-strong-password-9"


def refused(response):
    # Wagtail answers a missing permission with a 403, or a redirect to the dashboard with a message.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/" and "/login/" not in response["Location"]
    )


def user_form(username, groups=(), **extra):
    return {
        "username": username,
        "email": f"{username}@example.org",
        "first_name": "Sam",
        "last_name": "Example",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "groups": [Group.objects.get(name=name).pk for name in groups],
        **extra,
    }


def edit_form(user, groups=(), **extra):
    form = user_form(user.username, groups, is_active="on", **extra)
    form.update(email=user.email, first_name=user.first_name or "Sam", last_name=user.last_name or "Example")
    return form


@pytest.fixture
def administrator(group_member):
    return group_member(roles.ADMINISTRATORS)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "the-superusers-password-1")


@pytest.mark.django_db
def test_an_administrator_cannot_create_a_superuser(administrator, django_user_model):
    client, _ = administrator
    response = client.post("/admin/users/new/", user_form("sneaky", is_superuser="on"))
    assert response.status_code == 302
    assert not django_user_model.objects.get(username="sneaky").is_superuser


@pytest.mark.django_db
def test_an_administrator_cannot_make_an_existing_account_superuser(administrator, group_member, django_user_model):
    client, _ = administrator
    _, press_officer = group_member(roles.PRESS_OFFICERS)
    form = edit_form(press_officer, [roles.PRESS_OFFICERS], is_superuser="on")
    client.post(f"/admin/users/edit/{press_officer.pk}/", form)
    press_officer.refresh_from_db()
    assert not press_officer.is_superuser


@pytest.mark.django_db
def test_an_administrator_cannot_edit_delete_or_set_the_password_of_a_superuser(administrator, superuser):
    client, _ = administrator
    old_hash = superuser.password
    assert refused(client.get(f"/admin/users/edit/{superuser.pk}/"))
    assert refused(client.post(f"/admin/users/edit/{superuser.pk}/", edit_form(superuser, is_superuser="on")))
    assert refused(client.post(f"/admin/users/delete/{superuser.pk}/"))
    superuser.refresh_from_db()
    assert superuser.password == old_hash and superuser.is_active
    assert not Client().login(username="root", password=PASSWORD)


@pytest.mark.django_db
def test_an_administrator_cannot_give_a_group_whose_rights_they_lack(administrator, django_user_model):
    client, _ = administrator
    form = client.get("/admin/users/new/").content.decode()
    data_managers = Group.objects.get(name=roles.SUPPORTER_DATA)
    assert f'value="{data_managers.pk}"' not in form  # not offered
    response = client.post("/admin/users/new/", user_form("collector", [roles.SUPPORTER_DATA]))
    assert response.status_code == 200  # the form again, with the refusal
    assert not django_user_model.objects.filter(username="collector").exists()


@pytest.mark.django_db
def test_an_administrator_cannot_join_supporter_data_managers_themselves(administrator):
    client, me = administrator
    client.post(f"/admin/users/edit/{me.pk}/", edit_form(me, [roles.ADMINISTRATORS, roles.SUPPORTER_DATA]))
    assert not me.groups.filter(name=roles.SUPPORTER_DATA).exists()
    assert not type(me).objects.get(pk=me.pk).has_perm("campaigns.view_supporter")


@pytest.mark.django_db
def test_an_administrator_cannot_take_over_an_account_that_holds_more(administrator, group_member):
    """Setting a data manager's password would be the same as joining the group: refused."""
    client, _ = administrator
    _, manager = group_member(roles.SUPPORTER_DATA)
    assert refused(client.get(f"/admin/users/edit/{manager.pk}/"))
    assert refused(client.post(f"/admin/users/edit/{manager.pk}/", edit_form(manager, [roles.SUPPORTER_DATA])))
    assert refused(client.post(f"/admin/users/delete/{manager.pk}/"))
    # Nor one given a permission of its own outside any group.
    _, loner = group_member(None, "loner")
    loner.user_permissions.add(Permission.objects.get(codename="view_supporter"))
    assert refused(client.get(f"/admin/users/edit/{loner.pk}/"))


@pytest.mark.django_db
def test_an_administrator_still_manages_the_editors_within_their_rights(administrator, group_member, django_user_model):
    client, _ = administrator
    groups = [roles.PRESS_OFFICERS, roles.ORGANISERS, roles.MODERATORS, roles.ENDORSEMENTS_EDITORS]
    response = client.post("/admin/users/new/", user_form("newcomer", groups))
    assert response.status_code == 302
    newcomer = django_user_model.objects.get(username="newcomer")
    assert set(newcomer.groups.values_list("name", flat=True)) == set(groups)

    _, colleague = group_member(roles.ADMINISTRATORS, "colleague")
    response = client.post(f"/admin/users/edit/{colleague.pk}/", edit_form(colleague, [roles.MODERATORS]))
    assert response.status_code == 302
    assert list(colleague.groups.values_list("name", flat=True)) == [roles.MODERATORS]
    assert client.post(f"/admin/users/delete/{newcomer.pk}/").status_code == 302
    assert not django_user_model.objects.filter(username="newcomer").exists()


@pytest.mark.django_db
def test_a_superuser_gives_superuser_status_and_any_group(superuser, django_user_model):
    client = Client()
    client.force_login(superuser)
    response = client.post("/admin/users/new/", user_form("deputy", [roles.SUPPORTER_DATA], is_superuser="on"))
    assert response.status_code == 302
    deputy = django_user_model.objects.get(username="deputy")
    assert deputy.is_superuser and deputy.groups.filter(name=roles.SUPPORTER_DATA).exists()


def bulk(client, action, users, **data):
    query = "&".join(f"id={user.pk}" for user in users)
    return client.post(f"/admin/bulk/auth/user/{action}/?{query}&next=/admin/users/", data)


@pytest.mark.django_db
def test_bulk_actions_leave_accounts_that_hold_more_alone(administrator, superuser, group_member):
    client, _ = administrator
    _, manager = group_member(roles.SUPPORTER_DATA)
    _, press_officer = group_member(roles.PRESS_OFFICERS)

    # Assigning a group the administrator lacks is refused, whoever it is for.
    data_managers = Group.objects.get(name=roles.SUPPORTER_DATA)
    bulk(client, "assign_role", [press_officer], role=data_managers.pk)
    assert not press_officer.groups.filter(pk=data_managers.pk).exists()

    bulk(client, "set_active_state", [superuser, manager, press_officer], mark_as_active="False")
    for account in (superuser, manager):
        account.refresh_from_db()
        assert account.is_active
    press_officer.refresh_from_db()
    assert not press_officer.is_active  # within their rights: done

    bulk(client, "delete", [superuser, manager])
    assert type(superuser).objects.filter(pk__in=[superuser.pk, manager.pk]).count() == 2

    # A group they hold is theirs to give.
    moderators = Group.objects.get(name=roles.MODERATORS)
    bulk(client, "assign_role", [press_officer], role=moderators.pk)
    assert press_officer.groups.filter(pk=moderators.pk).exists()


@pytest.mark.django_db
def test_only_superusers_shape_the_groups(administrator):
    client, _ = administrator
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    assert refused(client.get(f"/admin/groups/edit/{administrators.pk}/"))
    assert refused(client.get("/admin/groups/new/"))
    assert not administrators.permissions.filter(content_type__model="group").exists()


@pytest.mark.django_db
def test_the_migration_takes_group_management_from_existing_administrators():
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    # As migration 0003 gave them.
    administrators.permissions.add(
        *Permission.objects.filter(codename__in=["add_group", "change_group", "delete_group"])
    )
    roles.revoke_over_grants()
    assert not administrators.permissions.filter(content_type__model="group").exists()
    assert administrators.permissions.filter(codename="change_user").exists()
    # Wagtail's own leftovers, which it ignores for per-collection rights, are gone too (they ran before 0005).
    assert not Group.objects.get(name=roles.MODERATORS).permissions.filter(content_type__model="image").exists()


@pytest.mark.django_db
def test_the_user_form_says_what_each_group_may_do_and_names_superuser_status(superuser):
    client = Client()
    client.force_login(superuser)
    form = client.get("/admin/users/new/").content.decode()
    for name, description in roles.DESCRIPTIONS.items():
        assert f"{name}: {description}" in form.replace("&#x27;", "'")
    assert "Superuser" in form and "Not the same as the Administrators group" in form
