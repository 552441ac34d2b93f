"""Organisations backing a particular campaign, without this app knowing the campaign page types.

A page type is backable when it has a `backers` child relation (an inline model with an `organisation` foreign key
to Organisation), as campaigns.CampaignPage has, or names another such relation in `backers_relation` (an open
letter's co-signing organisations). Approving a request adds the organisation there.
"""

from wagtail.models import Page, get_page_models

from endorsements.models import Organisation


def relation_name(page_model):
    return getattr(page_model, "backers_relation", "backers")


def backer_model(page_model):
    try:
        relation = page_model._meta.get_field(relation_name(page_model))
    except Exception:  # noqa: BLE001 - FieldDoesNotExist, or a name that is not a relation
        return None
    backer = getattr(relation, "related_model", None)
    try:
        organisation = backer._meta.get_field("organisation") if backer else None
    except Exception:  # noqa: BLE001
        return None
    return backer if organisation is not None and organisation.related_model is Organisation else None


def backable_page_models():
    return [model for model in get_page_models() if backer_model(model) is not None]


def campaigns_to_back():
    """The live, public pages an organisation may ask to back, newest first."""
    models = backable_page_models()
    if not models:
        return Page.objects.none()
    return Page.objects.live().public().type(*models).order_by("-first_published_at", "title")


def backs(page, organisation):
    page = page.specific
    backers = getattr(page, relation_name(type(page)))
    return any(backer.organisation_id == organisation.pk for backer in backers.all())


def add_backer(page, organisation, editor):
    """Adds the organisation to the page's backers in a new revision; returns True if it went live at once.

    A page with unpublished changes is not published (that would publish someone else's draft): the backer waits
    in the new draft for the page's editor.
    """
    live = page.specific
    has_draft = live.has_unpublished_changes
    draft = live.get_latest_revision_as_object() if has_draft else live
    if backs(draft, organisation):
        return not has_draft
    getattr(draft, relation_name(type(live))).add(backer_model(type(live))(organisation=organisation))
    revision = draft.save_revision(user=editor, log_action=True)
    if has_draft:
        return False
    revision.publish(user=editor)
    return True
