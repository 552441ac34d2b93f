"""Wagtail's user admin, held to website/account_rights.py: nobody gives an account more than they hold.

Wagtail takes the user viewset from the wagtailusers app config (website.apps.UsersConfig names this one).
The forms also say what each group may do where it is chosen, and call superuser status by its name, so that
nobody mistakes it for the "Administrators" group beside it.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import bulk_actions
from wagtail.users.views import users as wagtail_users

from website.account_rights import rights_of
from website.roles import DESCRIPTIONS

SUPERUSER_HELP = (
    "Every right on the site, every supporter's data included, whatever the groups below say. "
    "Not the same as the Administrators group. Only a superuser may give or take it away."
)
GROUPS_HELP = "What this person may do. You can give only the groups whose rights you hold yourself."


def describe_group(group):
    description = DESCRIPTIONS.get(group.name)
    return f"{group.name}: {description}" if description else group.name


class GroupsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return describe_group(obj)


class GroupField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return describe_group(obj)


class RightsLimitedForm:
    """The groups field offers only what the editor may give; superuser status is a superuser's to change."""

    def __init__(self, *args, rights, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"] = GroupsField(
            queryset=rights.grantable_groups(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="Groups",
            help_text=GROUPS_HELP,
        )
        if "is_superuser" in self.fields:
            field = self.fields["is_superuser"]
            field.label = "Superuser"
            field.help_text = SUPERUSER_HELP
            # A disabled field keeps the account's current value whatever is posted.
            field.disabled = not rights.superuser


class CreationForm(RightsLimitedForm, UserCreationForm):
    pass


class EditForm(RightsLimitedForm, UserEditForm):
    pass


class RightsFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rights": rights_of(self.request)}


class CreateView(RightsFormMixin, wagtail_users.CreateView):
    pass


class EditView(RightsFormMixin, wagtail_users.EditView):
    def dispatch(self, request, *args, **kwargs):
        # Editing oneself is Wagtail's own business (it hides superuser status and activity from the form).
        if not self.editing_self and not rights_of(request).may_manage(self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeleteView(wagtail_users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not rights_of(request).may_manage(self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return EditForm if for_update else CreationForm


class ManagedOnlyMixin:
    """A bulk action on users touches only the accounts the editor may manage; the others are listed as refused."""

    def check_perm(self, obj):
        return super().check_perm(obj) and rights_of(self.request).may_manage(obj)


class AssignRoleBulkAction(ManagedOnlyMixin, bulk_actions.AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"] = GroupField(queryset=rights_of(self.request).grantable_groups(), label="Group")
        return form


class DeleteBulkAction(ManagedOnlyMixin, bulk_actions.DeleteBulkAction):
    pass


class SetActiveStateBulkAction(ManagedOnlyMixin, bulk_actions.SetActiveStateBulkAction):
    pass


BULK_ACTIONS = (AssignRoleBulkAction, DeleteBulkAction, SetActiveStateBulkAction)
