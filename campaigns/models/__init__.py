"""Campaigns, events, the registrations visitors make for them, and the sign-up."""

from campaigns.signup.models import SignUpPage, Supporter, SupporterStatus

from .campaign import CampaignBacker, CampaignIndexPage, CampaignPage, CampaignStatus, CampaignTopic
from .event import EventIndexPage, EventKind, EventPage
from .registration import Registration
from .speaker import EventSpeaker

__all__ = [
    "CampaignBacker",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignStatus",
    "CampaignTopic",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventSpeaker",
    "Registration",
    "SignUpPage",
    "Supporter",
    "SupporterStatus",
]
