"""The listings of organisations other apps and templates use: one query function per listing.

The queries themselves are methods of the organisations' queryset (endorsements/querysets.py).
"""

from endorsements.models import EndorsementsPage, Organisation
from endorsements.querysets import logo_rendition_specs  # noqa: F401 (other apps' name for it)


def listed_organisations(kind=None, region=None):
    return Organisation.objects.listed(kind=kind, region=region)


def chosen_organisations(organisation_ids):
    return Organisation.objects.chosen(organisation_ids)


def organisation_counts(kind=None, region=None):
    return Organisation.objects.counts(kind=kind, region=region)


def endorsements_page():
    """The live endorsements page, for links from galleries elsewhere; None until an editor publishes one."""
    return EndorsementsPage.objects.live().public().defer_streamfields().first()


def ask_to_endorse_url(campaign=None):
    """Where the form is, with `campaign` chosen: for campaign pages' "back this campaign" links."""
    page = endorsements_page()
    if page is None:
        return None
    url = page.url + page.reverse_subpage("ask")
    return f"{url}?campaign={campaign.pk}" if campaign is not None else url
