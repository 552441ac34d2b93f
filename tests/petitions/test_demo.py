"""The demo: the recall campaign's petition to the NEC, with a goal and a count, shown on the home page."""

import pytest

from petitions import demo
from petitions.models import PetitionPage, Signature


@pytest.mark.django_db
def test_the_recall_campaign_has_its_petition_to_the_nec_with_a_goal_and_a_count(client, demo_site):
    petition = PetitionPage.objects.get(slug=demo.SLUG)
    assert petition.get_parent().slug == "recall-conference" and petition.live
    assert petition.target == "Labour's National Executive Committee" and petition.goal == 5000
    assert petition.signature_count == demo.DEMO_SIGNATURES
    assert Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count() == demo.DEMO_SIGNATURES
    html = client.get(petition.url).content.decode()
    assert "<strong>3,847</strong> signatures of a goal of 5,000" in html


@pytest.mark.django_db
def test_the_home_page_shows_the_petition_and_links_to_it(client, demo_site):
    petition = PetitionPage.objects.get(slug=demo.SLUG)
    html = client.get("/").content.decode()
    assert petition.title.replace("'", "&#x27;") in html and f'href="{petition.url}#sign"' in html
    assert "<strong>3,847</strong> signatures" in html
