import datetime

import factory
import wagtail_factories
from django.utils import timezone

from campaigns.models import (
    CampaignBacker,
    CampaignIndexPage,
    CampaignPage,
    CampaignStatus,
    EventIndexPage,
    EventKind,
    EventPage,
    EventSpeaker,
    Registration,
)


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Latest campaigns"
    slug = "campaigns"

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    listing_summary = factory.LazyAttribute(lambda page: f"Why {page.title} matters.")
    status = CampaignStatus.ACTIVE
    hashtag = "ReclaimDemocracy"

    class Meta:
        model = CampaignPage


class CampaignBackerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignBacker


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rallies and events"
    slug = "events"

    class Meta:
        model = EventIndexPage


def in_days(days, hour=14):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rally {n}")
    kind = EventKind.RALLY
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue_name = "Conway Hall"
    address = "25 Red Lion Square\nLondon\nWC1R 4RL"
    listing_summary = "Join us."

    class Meta:
        model = EventPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")

    class Meta:
        model = Registration


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda number: f"Speaker {number}")
    role = "Secretary"
    organisation = "Socialist Campaign Group"

    class Meta:
        model = EventSpeaker
