"""Moderators' review of the names signers asked to show on a petition's public list.

A name typed by a stranger is public speech on the network's page, so it shows only once a moderator has let it
(as a letter's signatories do). The review shows the name, the petition and when it was confirmed: nothing else of
the signature, whose details are for supporter data managers alone. Names come in by the hundred on a launch day,
so they are shown or kept off several at a time; a decision can be changed later either way.
"""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from petitions.models import NameReview, PetitionPage, Signature
from website.purge import forget_page

REVIEW_NAMES = "petitions.review_signature_name"
PER_PAGE = 100
DECISIONS = {NameReview.SHOWN: "now show on", NameReview.HIDDEN: "are kept off"}


def names_to_review():
    """Confirmed signatures whose signers asked to show their name (erased ones have none left to show)."""
    return Signature.objects.filter(show_name=True, confirmed_at__isnull=False, email__isnull=False)


def decide(pks, decision):
    """Shows or keeps off the chosen names; returns the petitions whose list changed."""
    with transaction.atomic():
        chosen = names_to_review().filter(pk__in=pks).exclude(name_review=decision)
        petition_ids = set(chosen.values_list("petition_id", flat=True))
        chosen.update(name_review=decision)
        petitions = list(PetitionPage.objects.filter(pk__in=petition_ids))
        for petition in petitions:
            forget_page(petition)
    return petitions


@permission_required(REVIEW_NAMES, raise_exception=True)
def review_names(request):
    status = request.GET.get("status")
    status = status if status in NameReview.values else NameReview.PENDING
    here = f"{reverse('petitions_review_names')}?status={status}"
    if request.method == "POST":
        # "shown" or "hidden" for the ticked names; with "-page", for every name listed on the page.
        decision, _, scope = request.POST.get("decision", "").partition("-")
        field = "listed" if scope == "page" else "signature"
        pks = [int(pk) for pk in request.POST.getlist(field) if pk.isdigit()]
        if decision not in DECISIONS or not pks:
            messages.warning(request, "Tick at least one name, then choose Show or Keep off.")
        else:
            petitions = decide(pks, decision)
            titles = ", ".join(f"“{petition.title}”" for petition in petitions)
            if petitions:
                messages.success(request, f"The names you ticked {DECISIONS[decision]} {titles}.")
            else:
                messages.warning(request, "Nothing changed: those names were already decided that way.")
        return redirect(here)
    names = (
        names_to_review()
        .filter(name_review=status)
        .select_related("petition")
        .only("pk", "name", "confirmed_at", "petition__title")
        .order_by("confirmed_at", "pk")
    )
    page = Paginator(names, PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "page": page,
        "status": status,
        "statuses": [(value, label, value == status) for value, label in NameReview.choices],
        "waiting": names_to_review().filter(name_review=NameReview.PENDING).count(),
    }
    return TemplateResponse(request, "petitions/admin/review_names.html", context)
