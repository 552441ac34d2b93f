"""Columns of the admin's listings as editors read them: a yes/no field says "Yes" or "No", not "True" or "False"."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    def get_value(self, instance):
        return "Yes" if super().get_value(instance) else "No"


def yes_no_field(model, name):
    """The yes/no field of `model` that `name` (a list_display entry) names, or None."""
    try:
        field = model._meta.get_field(name) if isinstance(name, str) else None
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.BooleanField) else None


def readable_columns(model, list_display):
    """`list_display` for a (snippet) viewset of `model`, each yes/no field's column saying "Yes" or "No"."""
    return [
        YesNoColumn(name, label=capfirst(field.verbose_name), sort_key=name)
        if (field := yes_no_field(model, name))
        else name
        for name in list_display
    ]


def yes_no_display(field):
    """A wagtail-modeladmin list_display entry showing `field` as "Yes" or "No" (it would show a "True" icon)."""

    def display(obj):
        return "Yes" if getattr(obj, field.name) else "No"

    display.short_description = capfirst(field.verbose_name)
    display.admin_order_field = field.name
    return display


def readable_modeladmin_columns(model, list_display):
    """`list_display` for a wagtail-modeladmin listing of `model`, yes/no fields saying "Yes" or "No"."""
    return [yes_no_display(field) if (field := yes_no_field(model, name)) else name for name in list_display]
