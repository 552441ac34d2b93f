"""The seed's campaigns and rallies: the recall conference, its backers, and the budget response's campaigns.

Event dates are set from the day the content is loaded, so a fresh demo always has an upcoming rally open for
registration and a past one.
"""

import datetime

from django.utils import timezone

from campaigns.models import (
    CampaignBacker,
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    EventKind,
    EventPage,
    EventSpeaker,
)
from endorsements.models import Organisation, OrganisationKind
from website.demo import add_home_section, child_page, poster_image, site_tree

RECALL_TITLE = "Reclaim democracy: recall conference"
RECALL_HASHTAG = "ReclaimDemocracyRecallConference"
RECALL_SUMMARY = (
    "Members, CLPs, trade unionists and left groups demand that Labour's NEC immediately organise a special "
    "Recall of Conference to resolve the crisis that is threatening to engulf the party."
)
RECALL_DEMANDS = [
    "The National Executive Committee must immediately organise a special Recall of Conference.",
    "Let the members decide the fate and future of our party.",
    "Full democracy, due process and natural justice in the party.",
    "Members must be free to vote for candidates of their choosing, as the members of Liverpool deserve.",
]
RECALL_BODY = [
    (
        "text",
        "<p>The Labour Party is in a crisis and members, CLP’s, Trade Unionists and a number of Left groups are now "
        "demanding that the National Executive Committee (NEC) of the Labour Party immediately organise a special "
        "Recall of Conference to resolve the crisis that is threatening to engulf the party.</p>"
        "<p>This campaign is building up rapidly and now has widespread support from the Socialist Campaign Group of "
        "Labour MPs, alongside a range of Labour NEC members and trade unions, such as Unite, Fire Brigades Union "
        "(FBU), and the Bakers, Food, and Allied Workers’ Union (BFAWU).</p>"
        "<p>The Recall of Conference campaign is also backed by left-wing groups such as Momentum, ‘Don’t Leave, "
        "Organise’, and Labour4Clause4.</p>",
    ),
    (
        "quote",
        {
            "quote": "Enough is enough! Let the members decide the fate and future of our party!",
            "name": "Young Labour members",
            "role": "students and young workers joining the campaign for an immediate recall conference",
            "handle": "",
        },
    ),
    (
        "text",
        "<p>Once again we see brazen and provocative attacks on our party democracy by unelected bureaucrats. We "
        "stand in full solidarity with the Labour members of Liverpool who deserve to be given the opportunity to "
        "vote for candidates of their choosing.</p>",
    ),
]
# (names an organisation may already go by, kind): the first name is used when it has to be created.
RECALL_BACKERS = [
    (["Socialist Campaign Group of Labour MPs", "Socialist Campaign Group"], OrganisationKind.MPS_GROUP),
    (["Unite", "Unite the Union"], OrganisationKind.TRADE_UNION),
    (["Fire Brigades Union (FBU)", "Fire Brigades Union", "FBU"], OrganisationKind.TRADE_UNION),
    (
        [
            "Bakers, Food and Allied Workers’ Union (BFAWU)",
            "Bakers, Food and Allied Workers' Union (BFAWU)",
            "Bakers, Food and Allied Workers Union",
            "BFAWU",
        ],
        OrganisationKind.TRADE_UNION,
    ),
    (["Momentum"], OrganisationKind.LEFT_GROUP),
    (["Don’t Leave, Organise", "Don't Leave, Organise", "Don't Leave Organise"], OrganisationKind.LEFT_GROUP),
    (["Labour4Clause4"], OrganisationKind.LEFT_GROUP),
]
# The budget response: "There was nothing substantial for" these. (slug, title, topic, summary, poster palette):
# one is left without a picture, to show how cards look without one.
BUDGET_CAMPAIGNS = [
    (
        "tackling-poverty",
        "Tackling poverty",
        "poverty",
        "The budget had nothing substantial for tackling poverty. We campaign for a radical alternative.",
        "ink",
    ),
    (
        "our-nhs-and-public-services",
        "Our NHS and public services",
        "NHS",
        "The budget had nothing substantial for our NHS and public services. We speak up for them.",
        None,
    ),
    (
        "green-new-deal",
        "A Green New Deal",
        "climate",
        "For the Green New Deal we need: the budget had nothing substantial for it.",
        "green",
    ),
]
# The rally's line-up, as the seed bills it: (name, role, organisation).
RALLY_SPEAKERS = [("Richard Burgon", "Secretary", "Socialist Campaign Group of Labour MPs")]
SATURDAY = 5
RALLY_STREAM_URL = "https://www.youtube.com/live/ReClAiMdEm0"
# Video-shaped addresses (an 11-character YouTube id), so the page, e-mail and calendar offer them as streams.
NEC_RALLY_STREAM_URL = "https://www.youtube.com/live/NeCrAlLy110"


def uk_moment(day, hour, minute=0):
    """An aware datetime at this UK wall-clock time on `day`, whether or not the clocks have gone forward."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def next_saturday(today):
    """The first Saturday at least three days away, so the rally is still open for registration."""
    days = (SATURDAY - today.weekday()) % 7
    return today + datetime.timedelta(days=days if days >= 3 else days + 7)


def last_eleventh_of_march(today):
    this_year = datetime.date(today.year, 3, 11)
    return this_year if this_year < today else datetime.date(today.year - 1, 3, 11)


def load(log):
    home = site_tree().root_page.specific
    campaigns = child_page(
        home,
        CampaignIndexPage,
        "campaigns",
        log,
        title="Latest campaigns",
        intro="The campaigns our supporting organisations are running together. Join in.",
        listing_summary="The campaigns the network's unions, left groups and community organisations run together.",
    )
    events = child_page(
        home,
        EventIndexPage,
        "events",
        log,
        title="Rallies and events",
        intro="Rallies, meetings and online events. Register to join us.",
        listing_summary="Rallies, meetings and online events, and how to register.",
    )
    for slug, title, topic, summary, palette in BUDGET_CAMPAIGNS:
        hero = poster_image(f"Poster: {title}", title, kicker="#Budget2021", palette=palette) if palette else None
        page = child_page(campaigns, CampaignPage, slug, log, title=title, listing_summary=summary, hero_image=hero)
        if not page.topics.exists():
            page.topics.add(topic)
            page.save_revision().publish()
    # Last, so it is the newest: the home page's automatic list leads with it.
    recall = load_recall_campaign(campaigns, log)
    load_rallies(events, recall, log)
    add_home_section(
        "latest_campaigns", {"heading": "Latest campaigns", "campaigns": [], "count": 3}, log, after="call_to_action"
    )
    add_home_section("next_events", {"heading": "Next events", "events": [], "count": 3}, log, after="latest_campaigns")


def backer(names, kind):
    for name in names:
        existing = Organisation.objects.filter(name__iexact=name).first()
        if existing:
            return existing
    return Organisation.objects.create(name=names[0], kind=kind)


def load_recall_campaign(parent, log):
    existing = parent.get_children().filter(slug="recall-conference").first()
    if existing:
        log(f"  {existing.title}: already there")
        return existing.specific
    page = CampaignPage(
        slug="recall-conference",
        title=RECALL_TITLE,
        listing_summary=RECALL_SUMMARY,
        hashtag=RECALL_HASHTAG,
        hero_image=poster_image(
            "Poster: reclaim democracy", "Let the members decide: recall conference", kicker=f"#{RECALL_HASHTAG}"
        ),
        demands=[("demand", demand) for demand in RECALL_DEMANDS],
        body=RECALL_BODY,
    )
    page.backers = [
        CampaignBacker(organisation=backer(names, kind), sort_order=position)
        for position, (names, kind) in enumerate(RECALL_BACKERS)
    ]
    page.topics.add("democracy")
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"  {page.title}: created")
    return page


def rally_livestream(day):
    """The Saturday rally's stream, in the naive UK wall-clock time a StreamField stores."""
    return {
        "title": "Watch the rally live",
        "url": RALLY_STREAM_URL,
        "starts_at": datetime.datetime.combine(day, datetime.time(14)),
        "ends_at": datetime.datetime.combine(day, datetime.time(16, 30)),
        "notice": "Can't make it to Conway Hall? The speeches stream live here, with captions.",
        "recording_url": RALLY_STREAM_URL,
        "thumbnail": None,
    }


def load_rallies(parent, recall, log):
    today = timezone.localdate()
    saturday = next_saturday(today)
    child_page(
        parent,
        EventPage,
        "rally-to-reclaim-democracy",
        log,
        title="Rally to reclaim democracy",
        kind=EventKind.RALLY,
        hero_image=poster_image(
            "Poster: rally to reclaim democracy",
            "Rally to reclaim democracy",
            kicker="Conway Hall, London",
            palette="ink",
        ),
        speakers=[
            EventSpeaker(name=name, role=role, organisation=organisation, sort_order=order)
            for order, (name, role, organisation) in enumerate(RALLY_SPEAKERS)
        ],
        campaign=recall,
        start=uk_moment(saturday, 14),
        end=uk_moment(saturday, 16, 30),
        venue_name="Conway Hall",
        address="25 Red Lion Square\nLondon\nWC1R 4RL",
        livestream_url=RALLY_STREAM_URL,
        access_information=(
            "Step-free entrance from Red Lion Square, accessible toilets and a hearing loop in the Main Hall. "
            "BSL interpretation on the stage. Nearest station: Holborn."
        ),
        capacity=400,
        listing_summary="Richard Burgon, secretary of the Socialist Campaign Group, is among the speakers.",
        description=(
            "<p>@RichardBurgon, secretary of @socialistcam, is yet another amazing speaker lined up for Saturday's "
            "rally to reclaim democracy. Join us to discuss how we can fight to take back control of our party!</p>"
        ),
        body=[("livestream", rally_livestream(saturday))],
    )
    eleventh = last_eleventh_of_march(today)
    child_page(
        parent,
        EventPage,
        "rally-before-the-nec-organising-committee",
        log,
        title="Rally before the NEC Organising Committee meeting",
        kind=EventKind.ONLINE,
        campaign=recall,
        start=uk_moment(eleventh, 9),
        end=uk_moment(eleventh, 10),
        livestream_url=NEC_RALLY_STREAM_URL,
        access_information="Live captions during the rally; the recording stays online afterwards.",
        listing_summary=(
            "A rally in advance of the NEC Organising Committee meeting on 11 March, which debates the motion to "
            "#ReclaimDemocracyRecallConference."
        ),
        description=(
            "<p>Register now to join the rally in advance of NEC Organising Committee meeting on March 11th which "
            "will be debating the motion to #ReclaimDemocracyRecallConference.</p>"
        ),
    )
