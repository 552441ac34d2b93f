"""Fixtures the tests of tests/website/ share: the section index pages and a logged-in member of a group."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    EventIndexPageFactory,
)
from tests.news.factories import NewsIndexPageFactory


@pytest.fixture
def sections(home_page):
    """The three section index pages, made after the migrations as on a fresh site."""
    return {
        "news": NewsIndexPageFactory(parent=home_page),
        "campaigns": CampaignIndexPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
    }


@pytest.fixture
def member(django_user_model):
    """A logged-in client for a new user in the named group (and the user)."""

    def make(group_name, username=None):
        username = username or group_name.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-strong-password-for-tests")
        user.groups.add(Group.objects.get(name=group_name))
        client = Client()
        client.force_login(user)
        return client, user

    return make
