"""The endorsements page's gallery: organisations grouped by kind, counted, with filters that work without JS."""

from endorsements.kinds import KIND_PLURALS, KIND_SINGULARS, OrganisationKind, Region


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


def gallery_context(request, organisations):
    """The organisations to show, grouped by kind, with filter links that work without JavaScript.

    `organisations` is the organisations' manager (`Organisation.objects`): the page model passes it in.
    """
    kinds, regions = dict(OrganisationKind.choices), dict(Region.choices)
    kind = request.GET.get("kind") if request.GET.get("kind") in kinds else None
    region = request.GET.get("region") if request.GET.get("region") in regions else None
    counts = organisations.counts(kind=kind, region=region)
    total = sum(counts["all_kinds"].values())
    listed = list(organisations.listed(kind=kind, region=region))
    groups = [
        {"kind": value, "label": sentence_case(KIND_PLURALS[value]), "organisations": members}
        for value, _label in OrganisationKind.choices
        if (members := [organisation for organisation in listed if organisation.kind == value])
    ]
    kind_labels = {value: sentence_case(KIND_PLURALS[value]) for value in kinds}
    return {
        "organisations": listed,
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
