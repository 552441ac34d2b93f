"""The kinds of organisation and the regions they organise in: models, views and blocks share them."""

from django.db import models


class OrganisationKind(models.TextChoices):
    TRADE_UNION = "trade_union", "Trade union"
    UNION_BRANCH = "union_branch", "Union branch"
    LEFT_GROUP = "left_group", "Constituency party or left group"
    CAMPAIGN_GROUP = "campaign_group", "Campaign group"
    COMMUNITY_GROUP = "community_group", "Community group"
    MUTUAL_AID = "mutual_aid", "Mutual-aid network"
    MPS_GROUP = "mps_group", "Group of MPs"
    OTHER = "other", "Other"


# How a count of each kind reads: "12 union branches".
KIND_PLURALS = {
    OrganisationKind.TRADE_UNION: "trade unions",
    OrganisationKind.UNION_BRANCH: "union branches",
    OrganisationKind.LEFT_GROUP: "constituency parties and left groups",
    OrganisationKind.CAMPAIGN_GROUP: "campaign groups",
    OrganisationKind.COMMUNITY_GROUP: "community groups",
    OrganisationKind.MUTUAL_AID: "mutual-aid networks",
    OrganisationKind.MPS_GROUP: "groups of MPs",
    OrganisationKind.OTHER: "other organisations",
}
KIND_SINGULARS = {
    OrganisationKind.TRADE_UNION: "trade union",
    OrganisationKind.UNION_BRANCH: "union branch",
    OrganisationKind.LEFT_GROUP: "constituency party or left group",
    OrganisationKind.CAMPAIGN_GROUP: "campaign group",
    OrganisationKind.COMMUNITY_GROUP: "community group",
    OrganisationKind.MUTUAL_AID: "mutual-aid network",
    OrganisationKind.MPS_GROUP: "group of MPs",
    OrganisationKind.OTHER: "other organisation",
}


class Region(models.TextChoices):
    UK_WIDE = "uk", "UK-wide"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
