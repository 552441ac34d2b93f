"""The demo's open letter on the recall campaign: the seed's organisations and a few approved people."""

import pytest
from bs4 import BeautifulSoup

from letters import demo
from letters.models import OpenLetterPage


@pytest.mark.django_db
def test_the_recall_campaign_has_its_open_letter_co_signed_by_the_seeds_organisations(client, demo_site):
    letter = OpenLetterPage.objects.get(slug=demo.LETTER_SLUG)
    assert letter.live and letter.get_parent().slug == "recall-conference"
    html = client.get(letter.url).content.decode()
    for name in ("Socialist Campaign Group", "Unite", "FBU", "BFAWU", "Momentum", "Organise", "Labour4Clause4"):
        assert name in html, name
    for name, _, _ in demo.SIGNATORIES:
        assert name in html
    campaign = BeautifulSoup(client.get(letter.get_parent().url).content, "html.parser")
    assert campaign.find("a", href=f"{letter.url}#sign") is not None
