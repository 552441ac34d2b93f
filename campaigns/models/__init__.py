"""Campaigns, events and the registrations visitors make for them."""

from .campaign import CampaignBacker, CampaignIndexPage, CampaignPage, CampaignStatus, CampaignTopic
from .event import EventIndexPage, EventKind, EventPage
from .registration import Registration

__all__ = [
    "CampaignBacker",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignStatus",
    "CampaignTopic",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "Registration",
]
