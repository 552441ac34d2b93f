"""Arbitrary text, markup and control characters in every field of the request form: no 500, nothing unescaped."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings

from endorsements.models import EndorsementRequest
from tests.endorsements.utils import ASK_URL, form_data
from tests.security.utils import assert_handled, hostile_text

HOSTILE = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@HOSTILE
@given(name=hostile_text, contact_name=hostile_text, statement=hostile_text, website=hostile_text)
def test_request_form_survives_hostile_text(client, endorsements, name, contact_name, statement, website):
    cache.clear()
    data = form_data(name=name, contact_name=contact_name, statement=statement, website=website)
    response = client.post(ASK_URL, {key: value.replace("\x00", "") for key, value in data.items()})
    assert_handled(response, name + contact_name + statement + website)
    for request in EndorsementRequest.objects.all():
        for value in (request.name, request.contact_name, request.statement):
            assert "<script" not in value.lower() and "<svg" not in value.lower() and "<img" not in value.lower()
