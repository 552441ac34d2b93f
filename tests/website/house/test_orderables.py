"""Rows an editor orders: the order a visitor sees is the same on every database and every request."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Orderable

from campaigns.models import CampaignBacker
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.factories import OrganisationFactory
from website.orderables import number_unordered


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


@pytest.mark.django_db
def test_rows_without_a_position_are_numbered_after_the_others_in_the_order_they_were_made(home_page):
    # What the data migrations do for rows the demo made before it numbered them.
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page))
    other = CampaignPageFactory(parent=campaign.get_parent())
    placed = CampaignBacker.objects.create(page=campaign, organisation=OrganisationFactory(), sort_order=4)
    late = [CampaignBacker.objects.create(page=campaign, organisation=OrganisationFactory()) for _ in range(2)]
    elsewhere = CampaignBacker.objects.create(page=other, organisation=OrganisationFactory())
    CampaignBacker.objects.filter(pk__in=[row.pk for row in [*late, elsewhere]]).update(sort_order=None)

    number_unordered(CampaignBacker)

    assert list(campaign.backers.values_list("pk", "sort_order")) == [(placed.pk, 4), (late[0].pk, 5), (late[1].pk, 6)]
    assert list(other.backers.values_list("sort_order", flat=True)) == [0]
