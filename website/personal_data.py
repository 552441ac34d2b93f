"""The registry of records that hold people's personal data, and the admin's guard around them.

What a record kind provides
---------------------------
Each app registers its models from its AppConfig.ready (website/ never imports a feature app)::

    personal_data.register(
        Supporter,
        "email",                                  # the field(s) holding the person's address: a name or a tuple
        "Sign-ups: name, e-mail, postcode, ...",  # what it holds, in a sentence (the tool, docs/privacy.md)
        purpose="to organise with the person",    # why it is kept (the privacy notice)
        fields=("name", "email", ...),            # what the data-rights tool shows and a subject-access export holds
        correctable=("name", "email"),            # what a data manager may correct
        anonymise=None,                           # erasure deletes; or {field: value} blanks those fields instead
        retention=[Retention(...)],               # how long it is kept: rules `apply_retention` runs daily
    )

`fields` defaults to every concrete field; `correctable` to none. `anonymise` values may be a callable of no
arguments (called at erasure, e.g. `timezone.now`) or a query expression (a value that must stay unique). A rule
(`Retention`) names the setting that holds its number of days (or None when it acts at once), says in a sentence
what it does (`{days}` stands for the setting's value), and `apply(now, days)` does it and returns what it
did, as a short phrase ("deleted 3 unconfirmed sign-ups"). Rules live in `<app>/retention.py`.

Everything the data-rights tool (website/data_rights.py), the export, erasure, `apply_retention` and the privacy
notice know about a record comes from here, so a new record kind is covered as soon as it registers.

The guard
---------
PersonalDataAdminMiddleware stands in front of every admin URL that belongs to a registered model, whatever added
it (wagtail-modeladmin's index, inspect, history, edit and delete, a viewset, an app's own view) and lets through
only those who hold the model's "view" permission; each view still checks its own action ("change", "delete") after
that. A URL belongs to a model when its view was built for that model (the view's model) or when its address names
it (`<app_label>/<model_name>/`), as the admin's addresses do.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    """How long one kind of record (or a state of it) is kept. `setting` names the days' setting, or is None."""

    setting: str | None
    summary: str  # e.g. "Sign-ups never confirmed are deleted {days} days after they were made."
    apply: Callable  # apply(now, days) -> a phrase saying what it did

    @property
    def days(self):
        return getattr(settings, self.setting) if self.setting else None

    def describe(self):
        return self.summary.format(days=self.days)


@dataclass(frozen=True)
class PersonalData:
    model: type
    email_fields: tuple
    description: str
    purpose: str = ""
    fields: tuple = ()
    correctable: tuple = ()
    anonymise: dict | None = None
    retention: tuple = field(default=())

    @property
    def email_field(self):
        return self.email_fields[0]

    @property
    def label(self):
        return self.model._meta.label_lower

    @property
    def name(self):
        """What the records are called, e.g. "supporters"."""
        return str(self.model._meta.verbose_name_plural)

    @property
    def view_permission(self):
        return f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"

    def matching(self, email):
        """Every record of this kind that holds `email` (in any of its address fields, in any case)."""
        query = Q()
        for name in self.email_fields:
            query |= Q(**{f"{name}__iexact": email.strip()})
        return self.model._default_manager.filter(query).order_by("pk")

    def values(self, record):
        """{field's verbose name: value} of what the tool shows and the export holds, as JSON-ready values."""
        shown = {}
        for name in self.fields:
            model_field = self.model._meta.get_field(name)
            value = getattr(record, name)
            if isinstance(model_field, models.ForeignKey):
                value = str(value) if value is not None else None
            elif isinstance(model_field, models.FileField):
                value = value.name or None
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            shown[str(model_field.verbose_name)] = value
        return shown

    def erase(self, records):
        """Deletes the records, or blanks their `anonymise` fields; returns how many were erased."""
        records = list(records)
        if self.anonymise is None:
            for record in records:
                for model_field in self.model._meta.concrete_fields:
                    if isinstance(model_field, models.FileField) and getattr(record, model_field.name):
                        getattr(record, model_field.name).delete(save=False)
            self.model._default_manager.filter(pk__in=[record.pk for record in records]).delete()
        else:
            values = {name: value() if callable(value) else value for name, value in self.anonymise.items()}
            self.model._default_manager.filter(pk__in=[record.pk for record in records]).update(**values)
        return len(records)


_registry = {}


def register(model, email_field, description, *, purpose="", fields=None, correctable=(), anonymise=None, retention=()):
    """Declares that `model` holds people's personal data, found by its `email_field` (a name or a tuple of names)."""
    if not getattr(model, "wagtail_reference_index_ignore", False):
        # Wagtail would list the record as a "usage" of the page it points at, and queue a task per action.
        raise TypeError(f"{model.__name__} holds personal data: give it wagtail_reference_index_ignore = True.")
    email_fields = (email_field,) if isinstance(email_field, str) else tuple(email_field)
    fields = tuple(fields) if fields is not None else tuple(f.name for f in model._meta.concrete_fields)
    # A typo fails at start-up, not in a subject access request.
    for name in (*email_fields, *fields, *correctable, *(anonymise or {})):
        model._meta.get_field(name)
    _registry[model._meta.label_lower] = PersonalData(
        model, email_fields, description, purpose, fields, tuple(correctable), anonymise, tuple(retention)
    )


def registered():
    return list(_registry.values())


def entry_for(model):
    if not (isinstance(model, type) and issubclass(model, models.Model)):
        return None
    return _registry.get(model._meta.label_lower)


def entry_by_label(label):
    return _registry.get(label)


def retention_rules():
    """(registry entry, rule) of every retention rule."""
    return [(entry, rule) for entry in _registry.values() for rule in entry.retention]


def apply_retention(now=None):
    """Runs every registered retention rule; returns (the record kind, what the rule did) for each."""
    now = now or timezone.now()
    done = []
    for entry, rule in retention_rules():
        with transaction.atomic():
            done.append((entry, rule.apply(now, rule.days)))
    return done


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
