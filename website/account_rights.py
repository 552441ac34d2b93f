"""Who may give whom which rights: nobody hands out more than they hold themselves.

An administrator who could tick "superuser", join a group whose rights they lack, or set the password of an
account that holds more than they do could make themselves all-powerful, supporters' data included. So a
person who is not a superuser may
- give an account only the groups they hold themselves: a group they are in, or one whose every permission
  (model, page and collection permissions alike) they hold already;
- edit, delete, deactivate or give groups to an account only if everything that account holds is within
  their own rights (never a superuser's).
Superuser status is given, taken away and managed by superusers alone. The user admin (website/user_admin.py)
and its bulk actions apply these rules; group permissions themselves are managed by superusers only
(website/roles.py).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission


def _codes(permissions):
    return {f"{app_label}.{codename}" for app_label, codename in permissions}


def _model_permissions(queryset):
    return _codes(queryset.values_list("content_type__app_label", "codename"))


def _tree_permissions(model, tree_field, groups):
    """(path in the page or collection tree, permission id) pairs the groups hold."""
    return set(model.objects.filter(group__in=groups).values_list(f"{tree_field}__path", "permission_id").distinct())


def _covered(wanted, held):
    # A right on a page or collection reaches everything below it, as Wagtail applies it.
    return all(
        any(path.startswith(held_path) and permission == held_permission for held_path, held_permission in held)
        for path, permission in wanted
    )


class Rights:
    """What one person holds, worked out once per request."""

    def __init__(self, user):
        self.user = user
        self.superuser = user.is_active and user.is_superuser
        self.groups = set(user.groups.values_list("pk", flat=True))
        self.permissions = user.get_all_permissions() if user.is_active else set()
        own_groups = Group.objects.filter(pk__in=self.groups)
        self.pages = _tree_permissions(GroupPagePermission, "page", own_groups)
        self.collections = _tree_permissions(GroupCollectionPermission, "collection", own_groups)

    def holds_group(self, group):
        if self.superuser or group.pk in self.groups:
            return True
        return (
            _model_permissions(group.permissions.all()) <= self.permissions
            and _covered(_tree_permissions(GroupPagePermission, "page", [group]), self.pages)
            and _covered(_tree_permissions(GroupCollectionPermission, "collection", [group]), self.collections)
        )

    def grantable_groups(self):
        """The groups this person may give to an account."""
        groups = Group.objects.order_by("name")
        if self.superuser:
            return groups
        return groups.filter(pk__in=[group.pk for group in groups if self.holds_group(group)])

    def may_manage(self, account):
        """Whether this person may edit, delete, deactivate or give groups to `account`."""
        if self.superuser:
            return True
        if account.is_superuser:
            return False
        own_permissions = _model_permissions(Permission.objects.filter(user=account))
        return own_permissions <= self.permissions and all(self.holds_group(group) for group in account.groups.all())


def rights_of(request):
    """The signed-in person's Rights, kept on the request so a listing asks the database once."""
    if getattr(request, "_account_rights", None) is None:
        request._account_rights = Rights(request.user)
    return request._account_rights
