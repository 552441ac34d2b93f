"""The demo's open letter on the recall campaign: the seed's organisations and a few approved people."""

import pytest
from bs4 import BeautifulSoup

from campaigns.demo import RECALL_BACKERS
from letters import demo
from letters.models import OpenLetterPage


@pytest.mark.django_db
def test_the_recall_campaign_has_its_open_letter_co_signed_by_the_seeds_organisations(client, demo_site):
    letter = OpenLetterPage.objects.get(slug=demo.LETTER_SLUG)
    assert letter.live and letter.get_parent().slug == "recall-conference"
    html = client.get(letter.url).content.decode()
    # The seven co-sign as organisations (rows of the letter, shown in its organisations' section by logo or
    # name), not merely named by the people who signed.
    cosigning = [row.organisation for row in letter.organisation_signatories.select_related("organisation")]
    expected = [names for names, _ in RECALL_BACKERS]
    matched = sorted(next(i for i, names in enumerate(expected) if o.name in names) for o in cosigning)
    assert matched == list(range(len(expected))), [organisation.name for organisation in cosigning]
    section = BeautifulSoup(html, "html.parser").find("section", class_="backers")
    logos_and_names = section.select(".backer__logo, .backer__name")
    shown = {element.get("alt") or element.get_text(strip=True) for element in logos_and_names}
    assert {organisation.name for organisation in cosigning} <= shown
    for name, _, _ in demo.SIGNATORIES:
        assert name in html
    campaign = BeautifulSoup(client.get(letter.get_parent().url).content, "html.parser")
    assert campaign.find("a", href=f"{letter.url}#sign") is not None
