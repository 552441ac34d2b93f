"""The count and its bar wherever a petition shows (its page, its campaign, the campaign list, the home page)."""

from django import template

from petitions.freshness import shows_live_count
from petitions.queries import petitions_by_campaign

register = template.Library()


@register.inclusion_tag("petitions/includes/progress.html", takes_context=True)
def petition_progress(context, petition, heading_level="h2"):
    """The count towards the goal: a <progress> bar, no script. Marks the page as one kept only briefly."""
    shows_live_count(context.get("request"))
    count, goal = petition.signature_count, petition.goal
    return {
        "petition": petition,
        "count": count,
        "goal": goal,
        "reached": count >= goal,
        "to_go": max(goal - count, 0),
        "milestones": petition.goals_passed,
        "heading_level": heading_level,
    }


@register.simple_tag
def attach_petitions(campaigns):
    """Gives each listed campaign its newest live petition as `campaign.petition_shown` (one query in all)."""
    campaigns = list(campaigns)
    found = petitions_by_campaign(campaigns)
    for campaign in campaigns:
        campaign.petition_shown = found.get(campaign.pk)
    return ""


@register.simple_tag
def campaign_petition(campaign):
    """The campaign's newest live petition, or None: one query."""
    return petitions_by_campaign([campaign]).get(campaign.pk)
