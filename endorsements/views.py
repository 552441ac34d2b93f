"""What the endorsements page shows and does: the filtered gallery, the request form and its thank-you page."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from endorsements.backing import campaigns_to_back
from endorsements.forms import EndorsementRequestForm
from endorsements.models import KIND_PLURALS, KIND_SINGULARS, OrganisationKind, Region
from endorsements.queries import listed_organisations, organisation_counts
from endorsements.tasks import notify_editors_of_request
from website.forms import is_rate_limited, never_cached, too_many_requests
from website.shared_forms import resending
from website.tasks import enqueue_or_retry_later

REQUEST_RATE = "5/h"


def count_phrase(count, kind=None):
    if kind is None:
        return f"{count} organisation{'' if count == 1 else 's'}"
    return f"{count} {KIND_SINGULARS[kind] if count == 1 else KIND_PLURALS[kind]}"


def gallery_context(request):
    """The organisations to show, grouped by kind, with filter links that work without JavaScript."""
    kinds, regions = dict(OrganisationKind.choices), dict(Region.choices)
    kind = request.GET.get("kind") if request.GET.get("kind") in kinds else None
    region = request.GET.get("region") if request.GET.get("region") in regions else None
    counts = organisation_counts()
    total = sum(counts["kind"].values())
    organisations = list(listed_organisations(kind=kind, region=region))
    groups = [
        {"kind": value, "label": KIND_PLURALS[value].capitalize(), "organisations": members}
        for value, _label in OrganisationKind.choices
        if (members := [organisation for organisation in organisations if organisation.kind == value])
    ]
    return {
        "organisations": organisations,
        "organisation_groups": groups,
        "total_phrase": count_phrase(total),
        "kind_phrases": [count_phrase(counts["kind"][value], value) for value in kinds if counts["kind"].get(value)],
        "kind_filters": [
            {
                "value": value,
                "label": KIND_PLURALS[value].capitalize(),
                "count": counts["kind"][value],
                "current": value == kind,
            }
            for value in kinds
            if counts["kind"].get(value)
        ],
        "region_filters": [
            {"value": value, "label": label, "count": counts["region"][value], "current": value == region}
            for value, label in regions.items()
            if counts["region"].get(value)
        ],
        "current_kind": kind,
        "current_region": region,
        "current_kind_label": kinds.get(kind),
        "current_region_label": regions.get(region),
    }


def ask_to_endorse(page, request):
    """The request form, the same for every visitor (the caches keep it); each post's answer is their own."""
    if request.method == "POST" and not resending(request):
        if is_rate_limited(request, "endorsement-request", REQUEST_RATE):
            return never_cached(too_many_requests(request))
        form = EndorsementRequestForm(request.POST, request.FILES)
        if form.is_valid():
            # Saved (and committed: requests are not atomic) before the e-mail, so a mail failure loses nothing.
            endorsement_request = form.save()
            enqueue_or_retry_later(
                notify_editors_of_request,
                endorsement_request.pk,
                what=f"the editors' e-mail about endorsement request {endorsement_request.pk}",
            )
            return redirect(page.url + page.reverse_subpage("thanks"))
    elif request.method == "POST":
        # Refused for want of a token (no JavaScript): shown again as typed (a chosen logo must be chosen again).
        form = EndorsementRequestForm(request.POST)
    else:
        form = EndorsementRequestForm(initial={"campaign": chosen_campaign(request)})
    context = {"page": page, "self": page, "request": request, "form": form}
    response = TemplateResponse(request, "endorsements/ask_to_endorse.html", context)
    return never_cached(response) if request.method == "POST" else response


def chosen_campaign(request):
    """The campaign a campaign page's link (`?campaign=<id>`) chose, if it is one that may be backed."""
    campaign_id = request.GET.get("campaign", "")
    return campaigns_to_back().filter(pk=campaign_id).first() if campaign_id.isdigit() else None


def thank_you(page, request):
    return TemplateResponse(request, "endorsements/thank_you.html", {"page": page, "self": page, "request": request})
