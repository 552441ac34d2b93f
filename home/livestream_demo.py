"""The home page's livestream, from the "YouTube livestream" section and the Telly notice of the current home page:
the section, and its notice in the "Livestream notice" setting (home/livestream_notice.py)."""

import datetime

from django.utils import timezone

from home.livestream_notice import LivestreamNotice
from website.blocks.livestream import UK
from website.demo import add_home_section, site_tree

LIVESTREAM_TITLE = "Socialist Telly"
LIVESTREAM_NOTICE = "FYI there’s a slight delay to our socialist Telly slot. It will go out at 7:30pm not 7pm tonight"
DEMO_STREAM_URL = "https://www.youtube.com/live/sOcIaLiStTv"
STARTS = datetime.time(19, 30)
LENGTH = datetime.timedelta(hours=1, minutes=30)


def next_slot(now):
    """The next 7:30pm in the UK that has not yet started, as the naive UK time a StreamField stores."""
    today = timezone.localtime(now, UK).date()
    starts_at = datetime.datetime.combine(today, STARTS)
    if starts_at.replace(tzinfo=UK) <= now:
        starts_at += datetime.timedelta(days=1)
    return starts_at


def load(log):
    site = site_tree()
    # With the section, the first time only: an editor's notice, or their emptying it, stays.
    if not any(block["type"] == "livestream" for block in site.root_page.specific.body.raw_data):
        LivestreamNotice.objects.update_or_create(site=site, defaults={"notice": LIVESTREAM_NOTICE})
        log("  livestream notice: set")
    starts_at = next_slot(timezone.now())
    add_home_section(
        "livestream",
        {
            "title": LIVESTREAM_TITLE,
            "url": DEMO_STREAM_URL,
            "starts_at": starts_at,
            "ends_at": starts_at + LENGTH,
            "recording_url": "",
            "thumbnail": None,
        },
        log,
        after="call_to_action",
    )
