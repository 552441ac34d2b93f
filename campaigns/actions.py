"""What a campaign or event page asks of its visitor, top to bottom: the page's action bar links to the first, and
its "Take action" box (templates/includes/action_box.html) lists them all, then the share links.

Another kind of action (a petition, an open letter) is one more Action in the list.
"""

from dataclasses import dataclass

from campaigns.templatetags.campaign_tags import event_when
from endorsements.queries import ask_to_endorse_url
from website.navigation import join_link


@dataclass(frozen=True)
class Action:
    heading: str
    text: str
    url: str
    label: str


def campaign_actions(request, campaign, next_event=None):
    actions = []
    if next_event is not None:
        actions.append(
            Action(
                f"Come to {next_event.title}",
                f"{event_when(next_event)}: {next_event.location_text}.",
                next_event.get_url(request),
                "Register",
            )
        )
    actions.extend(child_actions(request, campaign))
    join = join_link(request)
    if join:
        actions.append(
            Action(
                "Sign up and get organised",
                "Hear first about actions, rallies and meetings for this campaign near you.",
                join[0],
                "Sign up",
            )
        )
    ask_url = ask_to_endorse_url(campaign)
    if ask_url:
        actions.append(
            Action(
                "Ask your organisation to back it",
                "Unions, branches and left groups add their name to the backers here.",
                ask_url,
                "Back this campaign",
            )
        )
    return actions


def child_actions(request, campaign):
    """What the campaign's live child pages ask of a visitor (an open letter to sign): each page that has a
    `campaign_action()` gives an Action's fields. Two queries however many children."""
    children = campaign.get_children().live().public().specific(defer=True)
    return [Action(**child.campaign_action(request)) for child in children if hasattr(child, "campaign_action")]


def primary_event_action(event, actions):
    """The action bar's button: registering while the event takes registrations (its form ends the page)."""
    if event.takes_registrations:
        return Action("Register", "Book your place: it takes a minute.", "#register", "Register now")
    return actions[0] if actions else None


def event_actions(request, event):
    """The event page's "Take action" box, below its registration form."""
    actions = []
    if event.livestream_address and not event.is_past:
        actions.append(
            Action("Watch live", "Can't be there? Follow it online.", event.livestream_address, "Watch live")
        )
    if event.campaign_id and event.campaign.live:
        actions.append(
            Action(
                "Join the campaign",
                f"This event is part of {event.campaign.title}.",
                event.campaign.get_url(request),
                "See the campaign",
            )
        )
    return actions
