"""The seed's Facebook posts, as editors would paste them in, with the account that posted them, and the home
page's feed of them.

Dates count back from the day the content is loaded, a few days apart, so the feed looks current.
"""

import datetime

from django.utils import timezone

from social.models import Platform, SocialPost
from website.demo import add_home_section

RECALL_TEXT = (
    "Don't Leave, Organise supports the calls to #ReclaimDemocracyRecallConference🔥 RECALL OF CONFERENCE 🔥\n\n"
    "Join the ever increasing movement to campaign for a Recall of Conference\n\n"
    "The Labour Party is in a crisis and members, CLP’s, Trade Unionists and a number of Left groups are now "
    "demanding that the National Executive Committee (NEC) of the Labour Party immediately organise a special "
    "Recall of Conference to resolve the crisis that is threatening to engulf the party.\n\n"
    "This campaign is building up rapidly and now has widespread support from the Socialist Campaign Group of "
    "Labour MPs, alongside a range of Labour NEC members and trade unions, such as Unite, Fire Brigades Union "
    "(FBU), and the Bakers, Food, and Allied Workers’ Union (BFAWU).\n\n"
    "The Recall of Conference campaign is also backed by left-wing groups such as Momentum, ‘Don’t Leave, "
    "Organise’, and Labour4Clause4."
)

ACCOUNT_NAME = "Broad Left Network"
HANDLE = "@broadleftnetwork"
# (days ago, hour, minute, text, made-up address): newest first.
POSTS = [
    (
        1,
        16,
        45,
        "FYI there’s a slight delay to our socialist Telly slot. It will go out at 7:30pm not 7pm tonight",
        "https://www.facebook.com/broadleftnetwork/posts/telly-slot-delay",
    ),
    (
        4,
        10,
        0,
        "Register now to join the rally in advance of NEC Organising Committee meeting on March 11th which will be "
        "debating the motion to #ReclaimDemocracyRecallConference",
        "https://www.facebook.com/broadleftnetwork/posts/nec-rally-registration",
    ),
    (
        7,
        18,
        30,
        "Once again we see brazen and provocative attacks on our party democracy by unelected bureaucrats. We stand "
        "in full solidarity with the Labour members of Liverpool who deserve to be given the opportunity to vote for "
        "candidates of their choosing. #LiverpoolMayor #ReclaimDemocracyRecallConference",
        "https://www.facebook.com/broadleftnetwork/posts/liverpool-solidarity",
    ),
    (10, 12, 15, RECALL_TEXT, "https://www.facebook.com/broadleftnetwork/posts/recall-of-conference"),
]


def load(log):
    today = timezone.localdate()
    for days_ago, hour, minute, text, url in POSTS:
        day = today - datetime.timedelta(days=days_ago)
        posted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        post, created = SocialPost.objects.get_or_create(
            url=url,
            defaults={
                "platform": Platform.FACEBOOK,
                "account_name": ACCOUNT_NAME,
                "handle": HANDLE,
                "text": text,
                "posted_at": posted_at,
            },
        )
        log(f"  social post {post.url}: {'created' if created else 'already there'}")
    add_home_section("social_feed", {"heading": "On social media", "count": 3}, log, after="livestream")
