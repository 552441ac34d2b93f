import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns import demo
from campaigns.models import CampaignPage, EventPage, Registration
from endorsements.models import Organisation
from letters import demo as letters_demo
from letters.models import OpenLetterPage


@pytest.mark.django_db
def test_the_demo_has_the_recall_campaign_with_the_seeds_backers(client, demo_site):
    campaign = CampaignPage.objects.get(title=demo.RECALL_TITLE)
    assert campaign.hashtag == demo.RECALL_HASHTAG
    assert [backer.organisation.name for backer in campaign.backers.all()][:1] == [
        "Socialist Campaign Group of Labour MPs"
    ]
    assert campaign.backers.count() == 7
    html = client.get(campaign.url).content.decode()
    for heading in ("MPs&#x27; groups", "Trade unions", "Left groups"):
        assert heading in html
    for demand in demo.RECALL_DEMANDS:
        assert demand in html
    assert "Labour4Clause4" in html


@pytest.mark.django_db
def test_the_demo_reuses_organisations_that_are_already_there(demo_site):
    names = [name for names, _ in demo.RECALL_BACKERS for name in names]
    assert Organisation.objects.filter(name__in=names).count() == 7


@pytest.mark.django_db
def test_the_demo_has_an_upcoming_saturday_rally_open_for_registration_and_a_past_one(client, demo_site):
    saturday = EventPage.objects.get(slug="rally-to-reclaim-democracy")
    nec = EventPage.objects.get(slug="rally-before-the-nec-organising-committee")
    assert timezone.localtime(saturday.start).weekday() == 5 and not saturday.is_past
    assert (timezone.localtime(saturday.start).hour, saturday.takes_registrations) == (14, True)
    assert nec.is_past and (timezone.localtime(nec.start).month, timezone.localtime(nec.start).day) == (3, 11)
    response = client.post(saturday.url, {"name": "Richard", "email": "richard@example.org"})
    assert response.status_code == 302
    assert Registration.objects.filter(event=saturday).count() == 1


@pytest.mark.django_db
def test_the_home_page_leads_with_the_recall_campaign_and_the_next_rally(client, demo_site):
    html = client.get("/").content.decode()
    campaigns = html[html.index(">Latest campaigns</h2>") :].split("</section>")[0]
    assert campaigns.index("Reclaim democracy: recall conference") < campaigns.index("A Green New Deal")
    events = html[html.index(">Next events</h2>") :].split("</section>")[0]
    assert "Rally to reclaim democracy" in events


@pytest.mark.django_db
def test_loading_the_demo_again_adds_nothing(demo_site):
    def state():
        return (
            CampaignPage.objects.count(),
            EventPage.objects.count(),
            Organisation.objects.count(),
            [page.latest_revision_id for page in CampaignPage.objects.order_by("pk")],
        )

    before = state()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert state() == before


@pytest.mark.parametrize(
    ("today", "saturday"),
    [
        (datetime.date(2026, 12, 1), datetime.date(2026, 12, 5)),  # a Tuesday
        (datetime.date(2026, 12, 3), datetime.date(2026, 12, 12)),  # a Thursday: the 5th is too close
        (datetime.date(2026, 12, 5), datetime.date(2026, 12, 12)),  # a Saturday
    ],
)
def test_the_rally_is_on_a_saturday_at_least_three_days_away(today, saturday):
    assert demo.next_saturday(today) == saturday


def test_the_nec_rally_was_on_the_last_eleventh_of_march():
    assert demo.last_eleventh_of_march(datetime.date(2026, 12, 1)) == datetime.date(2026, 3, 11)
    assert demo.last_eleventh_of_march(datetime.date(2027, 3, 11)) == datetime.date(2026, 3, 11)
    assert demo.last_eleventh_of_march(datetime.date(2027, 3, 12)) == datetime.date(2027, 3, 11)


@pytest.mark.django_db
def test_the_demos_backers_and_cosigners_carry_the_seeds_order(demo_site):
    campaign = CampaignPage.objects.get(title=demo.RECALL_TITLE)
    assert list(campaign.backers.values_list("sort_order", flat=True)) == list(range(7))
    letter = OpenLetterPage.objects.get(slug=letters_demo.LETTER_SLUG)
    assert list(letter.organisation_signatories.values_list("sort_order", flat=True)) == list(range(7))
