"""What the endorsements page shows and does: the filtered gallery, the request form and its thank-you page."""

from django.conf import settings
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


def count_phrase(count, kind=None):
    if kind is None:
        return f"{count} organisation{'' if count == 1 else 's'}"
    return f"{count} {KIND_SINGULARS[kind] if count == 1 else KIND_PLURALS[kind]}"


def sentence_case(text):
    """The first letter capitalised and the rest as written: "Groups of MPs", never str.capitalize's "Groups of mps"."""
    return text[:1].upper() + text[1:]


def filter_choices(labels, counts, everywhere, current):
    """The links of one filter: each choice any listed organisation has, counted with the other filter kept.

    A choice that would show nothing is still listed (so the filters do not jump about) but is not a link.
    """
    return [
        {"value": value, "label": label, "count": counts[value], "current": value == current}
        for value, label in labels.items()
        if everywhere[value]
    ]


def gallery_context(request):
    """The organisations to show, grouped by kind, with filter links that work without JavaScript."""
    kinds, regions = dict(OrganisationKind.choices), dict(Region.choices)
    kind = request.GET.get("kind") if request.GET.get("kind") in kinds else None
    region = request.GET.get("region") if request.GET.get("region") in regions else None
    counts = organisation_counts(kind=kind, region=region)
    total = sum(counts["all_kinds"].values())
    organisations = list(listed_organisations(kind=kind, region=region))
    groups = [
        {"kind": value, "label": sentence_case(KIND_PLURALS[value]), "organisations": members}
        for value, _label in OrganisationKind.choices
        if (members := [organisation for organisation in organisations if organisation.kind == value])
    ]
    kind_labels = {value: sentence_case(KIND_PLURALS[value]) for value in kinds}
    return {
        "organisations": organisations,
        "organisation_groups": groups,
        "total_phrase": count_phrase(total),
        "kind_phrases": [count_phrase(count, value) for value in kinds if (count := counts["all_kinds"][value])],
        "kind_filters": filter_choices(kind_labels, counts["kind"], counts["all_kinds"], kind),
        "region_filters": filter_choices(regions, counts["region"], counts["all_regions"], region),
        "current_kind": kind,
        "current_region": region,
        "current_kind_label": KIND_PLURALS.get(kind),
        "current_region_label": regions.get(region),
    }


def ask_to_endorse(page, request):
    """The request form, the same for every visitor (the caches keep it); each post's answer is their own."""
    if request.method == "POST" and not resending(request):
        limits = {"email_field": "contact_email", "email_rate": settings.ENDORSEMENT_EMAIL_RATE_LIMIT}
        if is_rate_limited(request, "endorsement-request", settings.ENDORSEMENT_RATE_LIMIT, **limits):
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
