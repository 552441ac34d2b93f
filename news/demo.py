"""The seed's news: the Budget response, the statements on party democracy, the rallies and the recall campaign.

Dates count back from the day the content is loaded, so the demo's "What's new" is current and its archive runs
to a second page.
"""

import datetime

from django.utils import timezone
from taggit.models import Tag

from news.models import NewsIndexPage, NewsKind, NewsPage, NewsPageTag
from website.demo import add_home_section, child_page, poster_image, site_tree

INDEX_TITLE = "What's new"
PRESS_EMAIL = "press@example.org"

BUDGET_TITLE = "Left responds to #Budget2021"
BUDGET_MPS = ["RLong_Bailey", "johnmcdonnellMP", "MizJama"]
BUDGET_FAILINGS = ["Tackling poverty", "OurNHS &amp; Public Services", "For the #GreenNewDeal we need"]
BUDGET_CALL = "RT & speak up for a radical alternative!"

YOUNG_LABOUR_TITLE = "Young Labour members are outraged by the clampdown on democracy in our party"
YOUNG_LABOUR_TEXT = (
    "Young Labour members are outraged by the clampdown on democracy in our party. Across the country, students and "
    "young workers are joining the campaign to demand an immediate recall conference."
)
YOUNG_LABOUR_QUOTE = "Enough is enough! Let the members decide the fate and future of our party!"

LIVERPOOL_TITLE = "We stand in full solidarity with the Labour members of Liverpool"
LIVERPOOL_TEXT = (
    "Once again we see brazen and provocative attacks on our party democracy by unelected bureaucrats. We stand in "
    "full solidarity with the Labour members of Liverpool who deserve to be given the opportunity to vote for "
    "candidates of their choosing. #LiverpoolMayor #ReclaimDemocracyRecallConference"
)

BURGON_TITLE = "Richard Burgon joins the speakers at Saturday's rally to reclaim democracy"
BURGON_TEXT = (
    '<a href="https://x.com/RichardBurgon">@RichardBurgon</a>, secretary of '
    '<a href="https://x.com/socialistcam">@socialistcam</a>, is yet another amazing speaker lined up for Saturday\'s '
    "rally to reclaim democracy. Join us to discuss how we can fight to take back control of our party!"
)

RALLY_TITLE = "Register now for the rally before the NEC Organising Committee meets"
RALLY_TEXT = (
    "Register now to join the rally in advance of NEC Organising Committee meeting on March 11th which will be "
    "debating the motion to #ReclaimDemocracyRecallConference"
)

RECALL_TITLE = "Don't Leave, Organise supports the calls to recall conference"
RECALL_PARAGRAPHS = [
    "Don't Leave, Organise supports the calls to #ReclaimDemocracyRecallConference 🔥 RECALL OF CONFERENCE 🔥",
    "The Labour Party is in a crisis and members, CLP’s, Trade Unionists and a number of Left groups are now "
    "demanding that the National Executive Committee (NEC) of the Labour Party immediately organise a special "
    "Recall of Conference to resolve the crisis that is threatening to engulf the party.",
    "This campaign is building up rapidly and now has widespread support from the Socialist Campaign Group of Labour "
    "MPs, alongside a range of Labour NEC members and trade unions, such as Unite, Fire Brigades Union (FBU), and "
    "the Bakers, Food, and Allied Workers’ Union (BFAWU).",
    "The Recall of Conference campaign is also backed by left-wing groups such as Momentum, ‘Don’t Leave, Organise’, "
    "and Labour4Clause4.",
]
RECALL_QUOTE = "Join the ever increasing movement to campaign for a Recall of Conference"

TELLY_TITLE = "Socialist Telly goes out at 7:30pm tonight"
TELLY_TEXT = "FYI there’s a slight delay to our socialist Telly slot. It will go out at 7:30pm not 7pm tonight."


def load(log):
    home = site_tree().root_page.specific
    index = child_page(
        home,
        NewsIndexPage,
        "news",
        log,
        title=INDEX_TITLE,
        listing_summary="News, statements, press releases and rapid responses from the network.",
        intro=f'<p>Journalists: write to <a href="mailto:{PRESS_EMAIL}">{PRESS_EMAIL}</a> for press enquiries.</p>',
    )
    get_involved = home.get_children().filter(slug="get-involved").first()
    today = timezone.localdate()
    for days_ago, slug, fields, topics in news_items(get_involved):
        child_page(
            index,
            NewsPage,
            slug,
            log,
            date=today - datetime.timedelta(days=days_ago),
            tagged_items=[NewsPageTag(tag=topic(name)) for name in topics],
            **fields,
        )
    add_home_section("latest_news", {"heading": INDEX_TITLE, "count": 3}, log, after="latest_campaigns")


def topic(name):
    tag = Tag.objects.filter(name=name).first()
    return tag or Tag.objects.create(name=name)


def text(html):
    return ("text", html)


def quote(words, name, role="", handle=""):
    return ("quote", {"quote": words, "name": name, "role": role, "handle": handle})


def call_to_action(heading, words, page):
    return (
        "call_to_action",
        {"heading": heading, "text": words, "link": {"label": "Get involved", "page": page, "external_url": ""}},
    )


def news_items(get_involved):
    """(days ago, slug, page fields, topics) for each of the seed's items, newest first."""
    mps = ", ".join(f'<a href="https://x.com/{handle}">@{handle}</a>' for handle in BUDGET_MPS)
    failings = "".join(f"<li>❌ {failing}</li>" for failing in BUDGET_FAILINGS)
    return [
        (
            1,
            "left-responds-to-budget-2021",
            {
                "title": BUDGET_TITLE,
                "kind": NewsKind.RESPONSE,
                "listing_image": poster_image(
                    "Poster: speak up for a radical alternative",
                    "Speak up for a radical alternative",
                    kicker="#Budget2021",
                    palette="yellow",
                ),
                "listing_summary": "There was nothing substantial in the Budget for tackling poverty, for our NHS "
                "and public services, or for the Green New Deal we need.",
                "body": [
                    text(f"<p>Left responds to #Budget2021 – featuring comment from {mps} 👇</p>"),
                    text(f"<p>There was nothing substantial for:</p><ul>{failings}</ul>"),
                    call_to_action(
                        BUDGET_CALL, "Share the response and join the fight for a radical alternative.", get_involved
                    ),
                ],
            },
            ["Budget2021", "GreenNewDeal", "OurNHS"],
        ),
        (
            3,
            "young-labour-members-are-outraged",
            {
                "title": YOUNG_LABOUR_TITLE,
                "kind": NewsKind.STATEMENT,
                "listing_image": poster_image(
                    "Poster: enough is enough",
                    "Enough is enough! Let the members decide",
                    kicker="Young Labour",
                    palette="purple",
                ),
                "listing_summary": "Across the country, students and young workers are joining the campaign to "
                "demand an immediate recall conference.",
                "body": [
                    text(f"<p>{YOUNG_LABOUR_TEXT}</p>"),
                    quote(YOUNG_LABOUR_QUOTE, "Young Labour members"),
                ],
            },
            ["ReclaimDemocracy", "RecallConference"],
        ),
        (
            5,
            "richard-burgon-to-speak-at-the-rally",
            {
                "title": BURGON_TITLE,
                "kind": NewsKind.NEWS,
                "listing_summary": "The secretary of the Socialist Campaign Group is yet another amazing speaker "
                "lined up for Saturday's rally.",
                "body": [
                    text(f"<p>{BURGON_TEXT}</p>"),
                    call_to_action("Join the rally", "Take back control of our party.", get_involved),
                ],
            },
            ["ReclaimDemocracy", "Rally"],
        ),
        (
            8,
            "socialist-telly-at-7-30pm",
            {
                "title": TELLY_TITLE,
                "kind": NewsKind.NEWS,
                "listing_summary": "A slight delay to our Socialist Telly slot: it goes out at 7:30pm, not 7pm.",
                "body": [text(f"<p>{TELLY_TEXT}</p>")],
            },
            ["SocialistTelly"],
        ),
        (
            10,
            "register-for-the-rally-before-the-nec",
            {
                "title": RALLY_TITLE,
                "kind": NewsKind.NEWS,
                "listing_image": poster_image(
                    "Poster: rally before the NEC", "Rally before the NEC meets", kicker="Register now", palette="ink"
                ),
                "listing_summary": "Join the rally before the NEC Organising Committee debates the motion to "
                "reclaim democracy and recall conference.",
                "body": [
                    text(f"<p>{RALLY_TEXT}</p>"),
                    call_to_action("Register now", "Join the rally to reclaim democracy.", get_involved),
                ],
            },
            ["ReclaimDemocracy", "RecallConference", "Rally"],
        ),
        (
            13,
            "solidarity-with-liverpool-members",
            {
                "title": LIVERPOOL_TITLE,
                "kind": NewsKind.STATEMENT,
                "listing_summary": "Once again we see brazen and provocative attacks on our party democracy by "
                "unelected bureaucrats.",
                "body": [text(f"<p>{LIVERPOOL_TEXT}</p>")],
            },
            ["LiverpoolMayor", "ReclaimDemocracy"],
        ),
        (
            16,
            "dont-leave-organise-supports-recall-conference",
            {
                "title": RECALL_TITLE,
                "kind": NewsKind.PRESS_RELEASE,
                "listing_summary": "Members, CLPs, trade unionists and left groups demand that Labour's NEC "
                "immediately organise a special Recall of Conference.",
                "body": [
                    text("".join(f"<p>{paragraph}</p>" for paragraph in RECALL_PARAGRAPHS)),
                    quote(RECALL_QUOTE, "Don't Leave, Organise"),
                ],
                "press_contact_name": "The network's press office",
                "press_contact_email": PRESS_EMAIL,
            },
            ["RecallConference", "ReclaimDemocracy"],
        ),
    ]
