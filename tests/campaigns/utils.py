"""Helpers the tests of this folder share (the house rule: helpers only in conftest.py, factories.py, utils.py)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import EventKind

PERSON = {
    "name": "Rebecca Long-Bailey",
    "email": "rebecca@example.org",
    "postcode": "m6 5fx",
    "organisation": "Unite",
    "accessibility_needs": "Step-free access, please.",
    "nickname": "",
}


def event_form(**fields):
    data = {
        "title": "Rally to reclaim democracy",
        "slug": "rally",
        "listing_summary": "Join us on Saturday.",
        "kind": EventKind.RALLY,
        "campaign": "",
        "start": "2027-03-27 14:00",
        "end": "2027-03-27 16:00",
        "venue_name": "Conway Hall",
        "address": "25 Red Lion Square\nLondon WC1R 4RL",
        "livestream_url": "https://www.youtube.com/live/ReClAiMdEm0",
        "access_information": "Step-free entrance.",
        "capacity": "400",
        "registration_open": "on",
        "description": rich_text("<p>Speakers include Richard Burgon.</p>"),
        "body": streamfield([]),
        "speakers": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)
