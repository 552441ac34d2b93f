"""The letter page: its text, co-signing organisations grouped like a campaign's backers, approved people, the
share image, the way organisations ask to co-sign, and the editors' workflow."""

import io

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from PIL import Image
from wagtail.models import WorkflowState

from endorsements.models import OrganisationKind
from letters.models import LetterOrganisation, OpenLetterPage
from letters.queries import SIGNATORIES_PER_PAGE
from tests.endorsements.factories import EndorsementRequestFactory, endorsements_page
from tests.factories import OrganisationFactory
from tests.letters.factories import OpenLetterPageFactory, SignatoryFactory, bulk_signatories
from tests.utils import assert_flat_query_budget, assert_no_inline_code
from website import roles


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_the_letter_shows_its_text_and_organisations_grouped_by_kind(client, letter):
    unite = OrganisationFactory(name="Unite", kind=OrganisationKind.TRADE_UNION)
    scg = OrganisationFactory(name="Socialist Campaign Group", kind=OrganisationKind.MPS_GROUP)
    hidden = OrganisationFactory(name="Unlisted group", listed=False)
    for organisation in (unite, scg, hidden):
        LetterOrganisation.objects.create(page=letter, organisation=organisation)
    page = soup(client.get(letter.url))
    assert "To Labour's National Executive Committee" in page.get_text()
    assert "We ask you to recall conference." in page.get_text()
    section = page.select_one("section.backers")
    assert section.h2.get_text() == "Signed by these organisations"
    groups = [
        (h3.get_text(), [li.get_text(strip=True) for li in h3.find_next("ul").select("li")])
        for h3 in section.select("h3")
    ]
    # The campaign's order of kinds: MPs' groups, then unions.
    assert groups == [("MPs' groups", ["Socialist Campaign Group"]), ("Trade unions", ["Unite"])]
    assert_no_inline_code(client.get(letter.url).content.decode())


@pytest.mark.django_db
def test_the_letter_costs_the_same_queries_with_10_and_1000_signatories(client, letter):
    for _number in range(3):
        LetterOrganisation.objects.create(page=letter, organisation=OrganisationFactory())
    added = {"count": 0}

    def add(count):
        bulk_signatories(letter, count, start=added["count"])
        added["count"] += count

    assert_flat_query_budget(client, letter.url, add, budget=20, sizes=(10, 1000))
    html = client.get(letter.url).content.decode()
    assert "Signed by 1,000 people" in html


@pytest.mark.django_db
def test_a_long_list_of_signatories_comes_a_page_at_a_time(client, letter):
    """However many sign, a page of the letter lists at most SIGNATORIES_PER_PAGE names, in the order they signed."""
    bulk_signatories(letter, SIGNATORIES_PER_PAGE + 3)
    first = soup(client.get(letter.url))
    names = [item.get_text() for item in first.select(".signatory__name")]
    assert len(names) == SIGNATORIES_PER_PAGE and names[0] == "Bulk signatory 0"
    assert f"Signed by {SIGNATORIES_PER_PAGE + 3:,} people" in first.get_text()
    assert first.find("a", rel="next")["href"] == "?page=2"
    second = soup(client.get(letter.url + "?page=2"))
    names = [item.get_text() for item in second.select(".signatory__name")]
    assert names == [f"Bulk signatory {SIGNATORIES_PER_PAGE + n}" for n in range(3)]
    # A page past the end is the last one, not an error.
    assert client.get(letter.url + "?page=99").status_code == 200


@pytest.mark.django_db
def test_the_share_image_is_a_png_poster_the_page_points_at(client, letter):
    page = soup(client.get(letter.url))
    og_image = page.select_one('meta[property="og:image"]')["content"]
    assert og_image.endswith(f"{letter.url}share-image/")
    assert len(page.select('meta[property="og:image"]')) == 1
    response = client.get(f"{letter.url}share-image/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1600, 900)


@pytest.mark.django_db
def test_share_links_load_nothing_from_the_networks(client, letter):
    html = client.get(letter.url).content.decode()
    page = BeautifulSoup(html, "html.parser")
    links = [a["href"] for a in page.select(".share__link[href]")]
    assert any(link.startswith("https://wa.me/") for link in links)
    # Nothing from the networks is loaded: no script, image or frame from them.
    for tag in page.select("script[src], img[src], iframe[src], link[href]"):
        source = tag.get("src") or tag.get("href")
        assert not any(network in source for network in ("facebook", "x.com", "wa.me", "bsky")), source


@pytest.mark.django_db
def test_an_organisation_asks_to_co_sign_and_approval_adds_it(
    client, admin_client, home_page, letter, django_capture_on_commit_callbacks
):
    endorsements_page(home_page)
    link = soup(client.get(letter.url)).find("a", string="Ask to co-sign as an organisation")
    assert link["href"] == f"/endorsements/ask/?campaign={letter.pk}"
    chosen = soup(client.get(link["href"])).select_one("select[name=campaign] option[selected]")
    assert chosen.get_text(strip=True) == letter.title

    request = EndorsementRequestFactory(name="Bakers' branch", campaign=letter)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/endorsements/endorsementrequest/review/{request.pk}/", {"decision": "approve"}
        )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert [row.organisation.name for row in letter.organisation_signatories.all()] == ["Bakers' branch"]
    assert "Bakers&#x27; branch" in client.get(letter.url).content.decode()


@pytest.mark.django_db
def test_the_campaign_page_links_to_its_letter(client, campaign, letter):
    page = soup(client.get(campaign.url))
    link = page.find("a", href=f"{letter.url}#sign")
    assert link is not None and "Sign the letter" in link.get_text()


@pytest.mark.django_db
def test_a_letter_under_the_home_page_goes_through_campaign_approval(home_page, group_member):
    letter = OpenLetterPageFactory(parent=home_page, title="A letter of its own", live=False)
    workflow = letter.get_workflow()
    assert workflow is not None and workflow.name == roles.CAMPAIGN_WORKFLOW


@pytest.mark.django_db
def test_an_organisers_letter_under_a_campaign_waits_for_a_moderator(campaign, group_member):
    organiser, user = group_member(roles.ORGANISERS)
    letter = OpenLetterPageFactory(parent=campaign, title="Organisers' letter", live=False)
    assert letter.get_workflow().name == roles.CAMPAIGN_WORKFLOW
    letter.save_revision(user=user)
    state = letter.get_workflow().start(letter, user)
    assert isinstance(state, WorkflowState) and letter.workflow_in_progress
    # The organiser cannot publish it themself.
    assert not letter.permissions_for_user(user).can_publish()


@pytest.mark.django_db
def test_only_approved_signatories_are_counted(client, letter):
    SignatoryFactory(letter=letter, status="pending")
    SignatoryFactory(letter=letter, status="approved", name="Counted one")
    html = client.get(letter.url).content.decode()
    assert "Signed by 1 person" in html and "Counted one" in html
    assert OpenLetterPage.objects.get(pk=letter.pk).signatories.count() == 2
    assert Client().get(letter.url).status_code == 200
