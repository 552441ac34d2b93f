"""Arbitrary text, markup and control characters thrown at every visitor-facing field: no 500, nothing unescaped."""

import pytest
from hypothesis import HealthCheck, example, given, settings

from tests.security.hostile import assert_handled, hostile_text

HOSTILE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@HOSTILE
@given(query=hostile_text, page=hostile_text)
# An unbalanced double quote once broke SQLite's full-text syntax; PostgreSQL refuses NUL characters.
@example(query='" OR 1=1 --', page="abc")
@example(query="nul\x00byte", page="\x00")
def test_search(client, site, query, page):
    assert_handled(client.get("/search/", {"q": query, "page": page}), query)
