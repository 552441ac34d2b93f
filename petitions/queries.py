"""One query per need: a petition with its count, a campaign's petition, the petitions of a page of campaigns."""

from functools import reduce
from operator import or_

from django.db.models import Q

from petitions.models import NameReview, PetitionPage, Signature, SignatureCount


def live_petitions():
    """Live public petitions with their counter row, newest first: one query however many have signed."""
    return PetitionPage.objects.live().public().select_related("signaturecount").order_by("-first_published_at", "-pk")


def live_petition(petition_id):
    return live_petitions().filter(pk=petition_id).first()


def featured_petition(chosen_id=None):
    """The petition a home-page block shows: the one chosen, else the newest open one, else the newest."""
    if chosen_id:
        chosen = live_petition(chosen_id)
        if chosen is not None:
            return chosen
    newest = list(live_petitions().filter(closed=False)[:1])
    return newest[0] if newest else live_petitions().first()


def confirmed_count(petition_id):
    """The petition's confirmed signatures from its counter row alone: one small query."""
    return SignatureCount.objects.filter(pk=petition_id).values_list("confirmed", flat=True).first() or 0


def petitions_by_campaign(campaigns):
    """{campaign id: its newest live petition} for the campaigns listed: one query for the whole page of them."""
    paths = {campaign.path: campaign.pk for campaign in campaigns}
    if not paths:
        return {}
    under_any = reduce(or_, (Q(path__startswith=path) for path in paths))
    found = {}
    # Newest first, so each campaign keeps its newest petition.
    for petition in live_petitions().filter(under_any, depth__in={campaign.depth + 1 for campaign in campaigns}):
        parent_path = petition.path[: -PetitionPage.steplen]
        if parent_path in paths:
            found.setdefault(paths[parent_path], petition)
    return found


def recent_public_names(petition, count=20):
    """The newest confirmed signers who agreed to show their name and whose name a moderator let show: one query
    on (petition, confirmed_at)."""
    return list(
        Signature.objects.filter(
            petition=petition, show_name=True, confirmed_at__isnull=False, name_review=NameReview.SHOWN
        )
        .order_by("-confirmed_at", "-pk")
        .values_list("name", flat=True)[:count]
    )
