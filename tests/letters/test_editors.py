"""An organiser writes an open letter in the admin and submits it; a moderator approves it through the workflow."""

import pytest
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from letters.models import OpenLetterPage
from tests.factories import OrganisationFactory
from website import roles


def letter_form(title, organisation_ids=()):
    return nested_form_data(
        {
            "title": title,
            "slug": "let-the-members-decide",
            "addressee": "Labour's National Executive Committee",
            "text": rich_text("<p>We ask the NEC to recall conference.</p>"),
            "organisation_signatories": inline_formset([{"organisation": pk} for pk in organisation_ids]),
            "sign_intro": "Add your name.",
            "updates_consent_text": "Yes, keep me updated.",
            "thank_you_text": rich_text("<p>Thank you.</p>"),
            "confirmed_text": rich_text("<p>Confirmed.</p>"),
            "listing_summary": "",
            "listing_image": "",
            "comments": inline_formset([]),
            "action-submit": "action-submit",
        }
    )


@pytest.mark.django_db
def test_an_organisers_letter_goes_through_campaign_approval_in_the_admin(campaign, group_member):
    organiser, _ = group_member(roles.ORGANISERS)
    moderator, _ = group_member(roles.MODERATORS)
    unite = OrganisationFactory(name="Unite")
    response = organiser.post(
        f"/admin/pages/add/letters/openletterpage/{campaign.pk}/", letter_form("Let the members decide", [unite.pk])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    letter = OpenLetterPage.objects.get(title="Let the members decide")
    assert not letter.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(letter.pk))
    assert state.workflow.name == roles.CAMPAIGN_WORKFLOW
    assert Client().get(f"{campaign.url}let-the-members-decide/").status_code == 404

    response = moderator.post(
        f"/admin/pages/workflow/action/{letter.pk}/approve/{state.current_task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.live
    html = Client().get(letter.url).content.decode()
    assert "We ask the NEC to recall conference." in html and "Unite" in html
