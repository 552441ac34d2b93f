import pytest
from taggit.models import Tag
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignBacker, CampaignPage, CampaignStatus, CampaignTopic
from endorsements.models import Organisation, OrganisationKind
from tests.campaigns.factories import (
    CampaignBackerFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventPageFactory,
    in_days,
)
from tests.factories import ImageFactory, OrganisationFactory, add_pages
from tests.utils import assert_flat_query_budget, assert_no_inline_code
from website.demo import site_tree


def titles_in_order(html, titles):
    positions = {title: html.find(f">{title}</a>") for title in titles}
    assert all(position >= 0 for position in positions.values()), positions
    return sorted(titles, key=positions.get)


@pytest.mark.django_db
def test_active_campaigns_come_first_then_won_then_closed(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Closed one", status=CampaignStatus.CLOSED)
    CampaignPageFactory(parent=campaign_index, title="Won one", status=CampaignStatus.WON)
    CampaignPageFactory(parent=campaign_index, title="Active one", status=CampaignStatus.ACTIVE)
    CampaignPageFactory(parent=campaign_index, title="Older active one", status=CampaignStatus.CLOSED)
    html = client.get(campaign_index.url).content.decode()
    assert titles_in_order(html, ["Won one", "Closed one", "Active one"]) == ["Active one", "Won one", "Closed one"]
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_visitors_filter_by_status_and_topic_with_plain_links(client, campaign_index):
    democracy = CampaignPageFactory(parent=campaign_index, title="Recall conference")
    democracy.topics.add("democracy")
    democracy.save_revision().publish()
    CampaignPageFactory(parent=campaign_index, title="Save our NHS", status=CampaignStatus.WON)

    html = client.get(campaign_index.url).content.decode()
    assert 'href="?topic=democracy"' in html
    assert 'href="?status=won"' in html

    won = client.get(f"{campaign_index.url}?status=won").content.decode()
    assert "Save our NHS" in won and "Recall conference" not in won
    on_topic = client.get(f"{campaign_index.url}?topic=democracy").content.decode()
    assert "Recall conference" in on_topic and "Save our NHS" not in on_topic
    nothing = client.get(f"{campaign_index.url}?topic=democracy&status=closed").content.decode()
    assert "No campaigns match this choice." in nothing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("?page=abc", 200),
        ("?page=99999", 200),
        ("?page=-1", 200),
        ("?status=bogus", 200),
        # A NUL no address of ours has: a plain "cannot be shown" page (website/middleware.py), never a 500.
        ("?topic=%00" + "x" * 500, 400),
        ("?topic=democracy%0A", 200),
    ],
)
def test_odd_listing_addresses_get_a_page_not_an_error(client, campaign_index, query, answer):
    for number in range(14):
        CampaignPageFactory(parent=campaign_index, title=f"Campaign number {number}")
    response = client.get(f"{campaign_index.url}{query}")
    assert response.status_code == answer
    assert ("Campaign number" if answer == 200 else "This address cannot be shown") in response.content.decode()


@pytest.mark.django_db
def test_the_campaign_list_is_paginated(client, campaign_index):
    for number in range(14):
        CampaignPageFactory(parent=campaign_index, title=f"Campaign number {number}")
    first = client.get(campaign_index.url).content.decode()
    second = client.get(f"{campaign_index.url}?page=2").content.decode()
    assert first.count('class="campaign-card"') == 12
    assert second.count('class="campaign-card"') == 2
    assert 'rel="next" href="?page=2"' in first


@pytest.mark.django_db
def test_campaign_page_shows_demands_hashtag_body_and_grouped_backers_with_logos(client, campaign_index):
    campaign = CampaignPageFactory(
        parent=campaign_index,
        title="Reclaim democracy: recall conference",
        hashtag="ReclaimDemocracyRecallConference",
        status=CampaignStatus.ACTIVE,
        hero_image=ImageFactory(),
        demands=[("demand", "Recall conference now."), ("demand", "Let the members decide.")],
        body=[
            ("text", "<p>The Labour Party is in a crisis.</p>"),
            ("quote", {"quote": "Enough is enough!", "name": "Young Labour", "role": "", "handle": ""}),
        ],
    )
    logo = ImageFactory(title="Unite logo")
    backers = [
        OrganisationFactory(name="Momentum", kind=OrganisationKind.LEFT_GROUP),
        OrganisationFactory(name="Unite", kind=OrganisationKind.TRADE_UNION, logo=logo, show_logo=True),
        OrganisationFactory(name="Socialist Campaign Group of Labour MPs", kind=OrganisationKind.MPS_GROUP),
        OrganisationFactory(name="FBU", kind=OrganisationKind.TRADE_UNION, logo=ImageFactory(), show_logo=False),
        OrganisationFactory(name="Hidden group", kind=OrganisationKind.LEFT_GROUP, listed=False),
    ]
    for order, organisation in enumerate(backers):
        CampaignBackerFactory(page=campaign, organisation=organisation, sort_order=order)

    response = client.get(campaign.url)
    html = response.content.decode()
    assert "#ReclaimDemocracyRecallConference" in html
    assert "<li>Recall conference now.</li>" in html and "<li>Let the members decide.</li>" in html
    assert "The Labour Party is in a crisis." in html and "Enough is enough!" in html
    assert "<picture>" in html  # the responsive hero image
    # Grouped as the seed does, MPs' groups first; within a group, in editors' order.
    assert html.index("MPs&#x27; groups") < html.index("Trade unions") < html.index("Left groups")
    assert html.index("Unite") < html.index("FBU")
    assert 'alt="Unite"' in html and "max-240x120" in html
    assert 'alt="FBU"' not in html and '<span class="backer__name">FBU</span>' in html  # no permission: name only
    assert "Hidden group" not in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_campaign_page_lists_only_its_upcoming_events(client, campaign_index, event_index):
    campaign = CampaignPageFactory(parent=campaign_index)
    other = CampaignPageFactory(parent=campaign_index)
    EventPageFactory(parent=event_index, title="Saturday rally", campaign=campaign)
    EventPageFactory(parent=event_index, title="Last year's rally", campaign=campaign, start=in_days(-300))
    EventPageFactory(parent=event_index, title="Someone else's rally", campaign=other)
    html = client.get(campaign.url).content.decode()
    assert "Saturday rally" in html
    assert "Last year&#x27;s rally" not in html and "Someone else" not in html


@pytest.mark.django_db
def test_campaign_index_queries_do_not_grow_with_campaigns(client, campaign_index):
    # One shared picture keeps the test quick; each card still loads its own image object.
    picture = ImageFactory()

    topic = Tag.objects.create(name="democracy")

    def add_campaigns(count):
        campaigns = add_pages(campaign_index, CampaignPageFactory.build_batch(count, hero_image=picture))
        CampaignTopic.objects.bulk_create(CampaignTopic(content_object=campaign, tag=topic) for campaign in campaigns)

    # Twelve to a page: a part-filled page, a full one, and a long archive cost the same.
    assert_flat_query_budget(client, campaign_index.url, add_campaigns, budget=20, sizes=(3, 12, 200))


@pytest.mark.django_db
def test_campaign_page_queries_do_not_grow_with_backers_or_events(client, campaign_index, event_index):
    campaign = CampaignPageFactory(parent=campaign_index, hero_image=ImageFactory())
    logo = ImageFactory()

    def add_backers_and_events(count):
        # In bulk; each joins the end of the editors' order, as Organisation.save() would place it.
        first = Organisation.objects.count()
        organisations = Organisation.objects.bulk_create(
            OrganisationFactory.build(logo=logo, show_logo=True, sort_order=first + number) for number in range(count)
        )
        CampaignBacker.objects.bulk_create(CampaignBacker(page=campaign, organisation=o) for o in organisations)
        add_pages(event_index, EventPageFactory.build_batch(count, campaign=campaign))

    # Petitions and open letters under it add fixed queries: the child pages for the "Take action" cards.
    assert_flat_query_budget(client, campaign.url, add_backers_and_events, budget=26, sizes=(10, 200))


class TestEditorsPath(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.campaigns = CampaignIndexPageFactory(parent=site_tree().root_page)

    def test_organiser_creates_a_campaign_with_demands_backers_and_a_video(self):
        unite = OrganisationFactory(name="Unite", kind=OrganisationKind.TRADE_UNION)
        scg = OrganisationFactory(name="Socialist Campaign Group of Labour MPs", kind=OrganisationKind.MPS_GROUP)
        self.assertCanCreate(
            self.campaigns,
            CampaignPage,
            nested_form_data(
                {
                    "title": "Reclaim democracy: recall conference",
                    "slug": "recall-conference",
                    "listing_summary": "Recall conference now.",
                    "hero_image": "",
                    "hashtag": "#ReclaimDemocracyRecallConference",
                    "status": CampaignStatus.ACTIVE,
                    "topics": "democracy, Labour",
                    "demands": streamfield([("demand", "Recall conference now."), ("demand", "Members decide.")]),
                    "body": streamfield(
                        [
                            ("text", rich_text("<p>The party is in crisis.</p>")),
                            (
                                "video",
                                {
                                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                                    "title": "Left responds to the budget",
                                    "thumbnail": "",
                                    "caption": "",
                                },
                            ),
                        ]
                    ),
                    "backers": inline_formset([{"organisation": scg.pk}, {"organisation": unite.pk}]),
                }
            ),
        )
        campaign = CampaignPage.objects.get(slug="recall-conference")
        assert [backer.organisation for backer in campaign.backers.all()] == [scg, unite]
        assert sorted(campaign.topics.names()) == ["Labour", "democracy"]
        html = self.client.get(campaign.url).content.decode()
        for text in ("Members decide.", "The party is in crisis.", "Left responds to the budget", "Unite"):
            assert text in html
        assert html.count("#ReclaimDemocracyRecallConference") == 1

    def test_a_hashtag_is_one_word(self):
        response = self.client.post(
            f"/admin/pages/add/campaigns/campaignpage/{self.campaigns.pk}/",
            nested_form_data(
                {
                    "title": "Bad tag",
                    "slug": "bad-tag",
                    "hashtag": "two words",
                    "status": CampaignStatus.ACTIVE,
                    "demands": streamfield([]),
                    "body": streamfield([]),
                    "backers": inline_formset([]),
                    "action-publish": "publish",
                }
            ),
        )
        assert response.status_code == 200
        assert "A hashtag is one word" in response.content.decode()
        assert not CampaignPage.objects.filter(slug="bad-tag").exists()
