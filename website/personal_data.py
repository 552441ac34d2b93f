"""The registry of records that hold people's personal data, and the admin's guard around them.

Each app registers its models from its AppConfig.ready: `register(Supporter, "email", "Sign-ups ...")`. The
registry says which records hold a person's data and where their e-mail address is, so that a person can be found
across all of them (subject access, erasure), and every admin view of such a record is guarded here.

The guard (PersonalDataAdminMiddleware) stands in front of every admin URL that belongs to a registered model,
whatever added it (wagtail-modeladmin's index, inspect, history, edit and delete, a viewset, an app's own view)
and lets through only those who hold the model's "view" permission; each view still checks its own action
("change", "delete") after that. A URL belongs to a model when its view was built for that model (the view's
model) or when its address names it (`<app_label>/<model_name>/`), as the admin's addresses do.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models


@dataclass(frozen=True)
class PersonalData:
    model: type
    email_field: str
    description: str

    @property
    def view_permission(self):
        return f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"


_registry = {}


def register(model, email_field, description):
    """Declares that `model` holds people's personal data, found by its `email_field`."""
    model._meta.get_field(email_field)  # a typo fails at start-up, not in a subject access request
    _registry[model._meta.label_lower] = PersonalData(model, email_field, description)


def registered():
    return list(_registry.values())


def entry_for(model):
    if not (isinstance(model, type) and issubclass(model, models.Model)):
        return None
    return _registry.get(model._meta.label_lower)


def _models_of_view(view):
    """The models a view function was built for, through the decorators Wagtail wraps around admin views."""
    while view is not None:
        owner = getattr(view, "__self__", None)  # wagtail-modeladmin's views are its ModelAdmin's bound methods
        yield getattr(owner, "model", None)
        yield getattr(getattr(view, "view_class", None), "model", None)
        yield (getattr(view, "view_initkwargs", None) or {}).get("model")
        view = getattr(view, "__wrapped__", None)


def entry_for_admin_view(view, route):
    """The registry entry of the personal-data model an admin URL (its view and route) belongs to, or None."""
    for model in _models_of_view(view):
        if entry := entry_for(model):
            return entry
    route = "/" + route.replace("^", "")
    for entry in _registry.values():
        if f"/{entry.model._meta.app_label}/{entry.model._meta.model_name}/" in route:
            return entry
    return None


class PersonalDataAdminMiddleware:
    """Refuses every admin view of a personal-data record to those without the model's "view" permission."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL_PATH}/"

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        # Anonymous visitors are left to the view, which sends them to the login page.
        if not request.path.startswith(self.admin_prefix) or user is None or not user.is_authenticated:
            return None
        entry = entry_for_admin_view(view_func, request.resolver_match.route)
        if entry and not user.has_perm(entry.view_permission):
            raise PermissionDenied
        return None
