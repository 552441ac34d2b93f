"""The organisations the network's current site names, with logos drawn locally, and the endorsements page."""

from datetime import date

from wagtail.images import get_image_model

from endorsements.logos import logo_file
from endorsements.models import EndorsementsPage, Organisation, OrganisationKind, Region
from website.demo import add_home_section, child_page, site_tree

# Named on the current home page as backing the Recall of Conference campaign; the branches, groups and networks
# after them are illustrative, to show the gallery's kinds and regions.
ORGANISATIONS = [
    ("Unite", OrganisationKind.TRADE_UNION, Region.UK_WIDE, "https://www.unitetheunion.org/", "#c8102e", False),
    (
        "Fire Brigades Union (FBU)",
        OrganisationKind.TRADE_UNION,
        Region.UK_WIDE,
        "https://www.fbu.org.uk/",
        "#a6192e",
        True,
    ),
    (
        "Bakers, Food and Allied Workers' Union (BFAWU)",
        OrganisationKind.TRADE_UNION,
        Region.UK_WIDE,
        "https://www.bfawu.org/",
        "#6d2077",
        False,
    ),
    ("Socialist Campaign Group of Labour MPs", OrganisationKind.MPS_GROUP, Region.UK_WIDE, "", "#9b0d1b", False),
    ("Momentum", OrganisationKind.CAMPAIGN_GROUP, Region.UK_WIDE, "https://peoplesmomentum.com/", "#d7282f", True),
    ("Don't Leave, Organise", OrganisationKind.CAMPAIGN_GROUP, Region.UK_WIDE, "", "#1f4e79", False),
    ("Labour4Clause4", OrganisationKind.CAMPAIGN_GROUP, Region.UK_WIDE, "", "#3b3b3b", False),
    ("Young Labour", OrganisationKind.LEFT_GROUP, Region.UK_WIDE, "", "#b0001e", True),
    ("Liverpool Labour Left", OrganisationKind.LEFT_GROUP, Region.NORTH_WEST, "", "#00573f", False),
    ("Unite Leeds Community Branch", OrganisationKind.UNION_BRANCH, Region.YORKSHIRE, "", "#8a1538", False),
    ("FBU London Region", OrganisationKind.UNION_BRANCH, Region.LONDON, "", "#7a0019", False),
    ("Glasgow Left Network", OrganisationKind.LEFT_GROUP, Region.SCOTLAND, "", "#005eb8", True),
    ("Cardiff Tenants' Union", OrganisationKind.COMMUNITY_GROUP, Region.WALES, "", "#2e6b30", False),
    ("Bristol Mutual Aid", OrganisationKind.MUTUAL_AID, Region.SOUTH_WEST, "", "#5b2c6f", False),
    ("Camden Covid-19 Mutual Aid", OrganisationKind.MUTUAL_AID, Region.LONDON, "", "#7b3f00", False),
    ("Sheffield Trades Council", OrganisationKind.OTHER, Region.YORKSHIRE, "", "#4a4a4a", False),
]
# These agreed to be listed but not (yet) to show their logos: the gallery shows their names.
NAME_ONLY = {"Labour4Clause4", "Sheffield Trades Council"}

PAGE_INTRO = (
    "<p>The network is run democratically by its supporting bodies: unions and union branches, constituency-based "
    "left groups, community and workplace organisations and mutual-aid networks.</p>"
)


def load(log):
    for position, (name, kind, region, website, colour, vector) in enumerate(ORGANISATIONS):
        load_organisation(position, name, kind, region, website, colour, vector, log)
    home = site_tree().root_page.specific
    page = child_page(
        home,
        EndorsementsPage,
        "endorsements",
        log,
        title="Supporting organisations",
        listing_summary="The unions, left groups, community organisations and networks that back the network.",
        intro=PAGE_INTRO,
        request_intro=(
            "<p>Does your union, branch, left group or community organisation back the network? Tell us, and an "
            "editor will add it to the list.</p>"
        ),
        thank_you_text=(
            "<p>Your request has reached us. An editor will review it and write to you, usually within a week.</p>"
        ),
    )
    # The home page shows a selection editors choose, the seed's organisations here, with a link to the full list on
    # the endorsements page: never a wall of every organisation (a launch's hundreds).
    seed = Organisation.objects.filter(name__in=[name for name, *_ in ORGANISATIONS]).order_by("sort_order")
    add_home_section(
        "endorsements",
        {"heading": "Supported by", "show": "chosen", "kind": "", "organisations": list(seed), "show_link": True},
        log,
        # Below the sign-up box: the home page asks visitors to act before it shows who backs the network.
        after="call_to_action",
    )
    return page


def load_organisation(position, name, kind, region, website, colour, vector, log):
    if Organisation.objects.filter(name=name).exists():
        log(f"  {name}: already there")
        return
    logo = get_image_model().objects.create(title=f"{name} logo", file=logo_file(name, colour, vector=vector))
    Organisation.objects.create(
        name=name,
        kind=kind,
        region=region,
        website=website,
        logo=logo,
        show_logo=name not in NAME_ONLY,
        listed=True,
        sort_order=position,
        date_endorsed=date(2021, 3, 1),
    )
    log(f"  {name}: created")
