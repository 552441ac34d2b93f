"""Rows an editor orders: the order a visitor sees is the same on every database and every request."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Orderable


def is_the_projects(model):
    return Path(apps.get_app_config(model._meta.app_label).path).parent == settings.BASE_DIR


def project_orderables():
    return [model for model in apps.get_models() if issubclass(model, Orderable) and is_the_projects(model)]


def test_every_orderable_breaks_ties_by_creation_order():
    # Rows made in code carry no sort_order; without a tiebreak PostgreSQL returns them in whatever order
    # its pages hold them, which changes after a restore.
    models = project_orderables()
    assert {model.__name__ for model in models} >= {"CampaignBacker", "EventSpeaker", "LetterOrganisation"}
    assert [model.__name__ for model in models if model._meta.ordering != ["sort_order", "pk"]] == []
