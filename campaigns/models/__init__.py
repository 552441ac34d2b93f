"""Campaigns, events, registrations and the sign-up."""

from campaigns.signup.models import SignUpPage, Supporter, SupporterStatus

__all__ = ["SignUpPage", "Supporter", "SupporterStatus"]
