"""One query per listing of campaigns and events, each a fixed number of SQL queries however long the list.

The queries themselves are methods of the pages' querysets (campaigns/querysets.py); these are the names the home
page's blocks and other apps use.
"""

from campaigns.models import CampaignPage, EventPage
from campaigns.querysets import line_up as _line_up
from endorsements.grouping import organisation_groups


def live_campaigns():
    return CampaignPage.objects.with_cards()


def campaign_listing(status="", topic=""):
    return CampaignPage.objects.listing(status=status, topic=topic)


def campaign_topics():
    return CampaignPage.objects.topics_in_use()


def latest_campaigns(count, chosen_ids=()):
    return CampaignPage.objects.latest(count, chosen_ids)


def backer_groups(campaign):
    """The campaign's listed backers in editors' order, grouped by kind: [(heading, [organisation, …]), …]."""
    return organisation_groups(campaign.backers)


def live_events():
    return EventPage.objects.with_cards()


def line_up(event):
    return _line_up(event.speakers)


def upcoming_events(campaign=None, count=None):
    """Events not yet over, soonest first (of one campaign when given)."""
    events = EventPage.objects.all() if campaign is None else EventPage.objects.filter(campaign=campaign)
    return events.upcoming(count=count)


def past_events():
    return EventPage.objects.past()


def next_events(count, chosen_ids=()):
    return EventPage.objects.next(count, chosen_ids)
