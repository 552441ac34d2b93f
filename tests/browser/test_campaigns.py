"""In a real browser: a visitor reads a campaign with its backers' logos, registers for its rally, and the
organiser exports that registration from the admin."""

import io

from openpyxl import load_workbook
from playwright.sync_api import expect

from campaigns.models import Registration
from endorsements.models import OrganisationKind
from tests.campaigns.factories import (
    CampaignBackerFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    in_days,
)
from tests.factories import ImageFactory, OrganisationFactory


def recall_campaign(home_page):
    campaigns = CampaignIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="Reclaim democracy: recall conference",
        hashtag="ReclaimDemocracyRecallConference",
        hero_image=ImageFactory(),
        demands=[("demand", "Recall conference now.")],
    )
    campaign.topics.add("democracy")
    campaign.save_revision().publish()
    for order, (name, kind) in enumerate(
        [
            ("Socialist Campaign Group of Labour MPs", OrganisationKind.MPS_GROUP),
            ("Unite", OrganisationKind.TRADE_UNION),
        ]
    ):
        organisation = OrganisationFactory(name=name, kind=kind, logo=ImageFactory(), show_logo=True)
        CampaignBackerFactory(page=campaign, organisation=organisation, sort_order=order)
    rally = EventPageFactory(
        parent=events, title="Rally to reclaim democracy", campaign=campaign, capacity=400, start=in_days(4)
    )
    EventPageFactory(parent=events, title="Rally before the NEC meeting", campaign=campaign, start=in_days(-30))
    return campaigns, campaign, events, rally


def test_visitor_reads_the_campaign_registers_for_the_rally_and_the_organiser_exports_it(
    live_server, home_page, page, editor_login, assert_accessible
):
    campaigns, campaign, events, rally = recall_campaign(home_page)

    page.goto(f"{live_server.url}{campaigns.url}")
    assert_accessible(page)
    page.get_by_role("link", name="democracy", exact=True).click()
    page.get_by_role("link", name="Reclaim democracy: recall conference").click()
    expect(page.get_by_text("#ReclaimDemocracyRecallConference")).to_be_visible()
    for name in ("Socialist Campaign Group of Labour MPs", "Unite"):
        logo = page.get_by_role("img", name=name, exact=True)
        logo.scroll_into_view_if_needed()
        assert logo.evaluate("image => image.complete && image.naturalWidth > 0")
    assert_accessible(page)

    page.get_by_role("link", name="Rally to reclaim democracy", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Register").click()
    # The form first fetches its token (shared-forms.js), then goes: wait for the answer.
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your name").fill("Rebecca Long-Bailey")
    page.get_by_label("Your e-mail address").fill("rebecca@example.org")
    page.get_by_label("Postcode (optional)").fill("M6 5FX")
    page.get_by_label("Anything you need to take part? (optional)").fill("Step-free access, please.")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(f"{live_server.url}{rally.url}received/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert_accessible(page)
    # The registration's own page, as its e-mail links to it.
    page.goto(f"{live_server.url}{rally.url}registered/{Registration.objects.get().token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You are registered")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    assert download.value.suggested_filename == f"{rally.slug}.ics"
    assert Registration.objects.get().accessibility_needs == "Step-free access, please."

    editor_login()
    page.goto(f"{live_server.url}/admin/campaigns/registration/?event={rally.pk}")
    expect(page.get_by_text("rebecca@example.org")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download XLSX").click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert [dict(zip(header, row, strict=True))["Email"] for row in rows] == ["rebecca@example.org"]


def test_event_list_has_no_accessibility_violations(live_server, home_page, page, assert_accessible):
    _, _, events, _ = recall_campaign(home_page)
    page.goto(f"{live_server.url}{events.url}")
    expect(page.get_by_role("heading", name="Past events")).to_be_visible()
    assert_accessible(page)


def test_a_past_event_has_no_accessibility_violations(live_server, home_page, page, assert_accessible):
    _, _, events, _ = recall_campaign(home_page)
    page.goto(f"{live_server.url}{events.url}")
    page.get_by_role("link", name="Rally before the NEC meeting").click()
    expect(page.get_by_text("This event has finished, so registration is closed.")).to_be_visible()
    assert_accessible(page)
