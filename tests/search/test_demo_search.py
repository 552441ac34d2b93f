"""Searching the demo site as `make run` builds it: what a visitor would type finds what they mean."""

import re
from html import unescape

import pytest
from django.db import connection

from campaigns.demo import RECALL_TITLE
from letters.demo import LETTER_TITLE
from news.demo import LIVERPOOL_TITLE
from news.demo import RECALL_TITLE as RECALL_NEWS_TITLE
from petitions.demo import TITLE as PETITION_TITLE


def result_titles(client, **params):
    html = client.get("/search/", params).content.decode()
    return [unescape(title) for title in re.findall(r'<h2><a href="[^"]*">([^<]+)</a></h2>', html)]


@pytest.mark.django_db
def test_recall_conference_ranks_what_is_named_for_it_above_what_mentions_it(client, demo_site):
    titles = result_titles(client, q="recall conference")
    # The campaign, its news, its petition ("Recall conference now: …") and its open letter are named for it.
    assert set(titles[:4]) == {RECALL_TITLE, RECALL_NEWS_TITLE, PETITION_TITLE, LETTER_TITLE}, titles
    assert len(titles) > 2, "items that only mention it in their text are found too, lower down"


@pytest.mark.django_db
def test_each_kind_filter_keeps_only_its_kind(client, demo_site):
    assert result_titles(client, q="recall conference", kind="campaigns") == [RECALL_TITLE]
    news = result_titles(client, q="Liverpool", kind="news")
    assert LIVERPOOL_TITLE in news
    assert RECALL_TITLE not in news
    assert "Rally to reclaim democracy" in result_titles(client, q="rally", kind="events")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="English stemming is PostgreSQL's")
@pytest.mark.django_db
def test_other_forms_of_a_word_find_the_demo_content(client, demo_site):
    assert RECALL_TITLE in result_titles(client, q="recalling conferences")
    assert "Rally to reclaim democracy" in result_titles(client, q="rallies")
