import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.models import CampaignIndexPage, EventIndexPage
from endorsements.models import EndorsementsPage
from home.demo import HERO_HEADING, SIGNUP_HEADING, STATEMENT
from home.models import HomePage
from letters.models import OpenLetterPage
from news.models import NewsIndexPage
from petitions.models import PetitionPage
from signup.models import SignUpPage
from tests.factories import StandardPageFactory
from tests.utils import assert_flat_query_budget, assert_no_inline_code
from website.demo import site_tree
from website.models import Navigation, SiteSettings, StandardPage


@pytest.mark.django_db
def test_visitor_reads_the_networks_statement(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert HERO_HEADING in html
    assert "Not yet another organisation with leadership aspirations." in html
    assert SIGNUP_HEADING in html
    assert "Published by the Broad Left Network" in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_public_pages_carry_a_strict_content_security_policy(client, demo_site):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'self'" in policy


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing(demo_site):
    def state():
        settings = SiteSettings.for_site(demo_site)
        return (
            Page.objects.count(),
            Revision.objects.count(),
            HomePage.objects.get().latest_revision_id,
            (settings.pk, settings.imprint, len(settings.social_links)),
        )

    before = state()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert state() == before


@pytest.mark.django_db
def test_demo_loader_leaves_editors_changes_alone(demo_site):
    home = HomePage.objects.get()
    home.body = [("text", "<p>Edited by an editor</p>")]
    home.save_revision().publish()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert HomePage.objects.get().body.raw_data[0]["value"] == "<p>Edited by an editor</p>"


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_menu_links(client, home_page):
    site = site_tree()
    pages = []

    def add_menu_links(count):
        for _ in range(count):
            pages.append(StandardPageFactory(parent=home_page))
        navigation = Navigation.for_site(site)
        navigation.header_links = [("link", {"label": "", "page": page, "external_url": ""}) for page in pages]
        navigation.save()

    assert_flat_query_budget(client, "/", add_menu_links, budget=12, sizes=(1, 10))


@pytest.mark.django_db
def test_statement_paragraphs_are_all_on_the_home_page(client, demo_site):
    html = client.get("/").content.decode()
    for paragraph in STATEMENT:
        assert paragraph.replace("&amp;", "&amp;") in html


class TestEditorsPath(WagtailPageTestCase):
    """Editors build pages through the admin's own forms."""

    def setUp(self):
        self.login()
        self.home = site_tree().root_page.specific

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        sections = {CampaignIndexPage, EventIndexPage, NewsIndexPage, EndorsementsPage, SignUpPage}
        on_their_own = {OpenLetterPage, PetitionPage}
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, *sections, *on_their_own})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_editor_creates_a_page_with_text_and_a_call_to_action(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "About the network",
                    "slug": "about",
                    "body": streamfield(
                        [
                            ("text", rich_text("<p>Run democratically by its supporting bodies.</p>")),
                            (
                                "call_to_action",
                                {
                                    "heading": "Signup and get organised",
                                    "text": "",
                                    "link": {"label": "Get involved", "page": self.home.pk, "external_url": ""},
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="about")
        response = self.client.get(page.url)
        self.assertContains(response, "Run democratically by its supporting bodies.")
        self.assertContains(response, "Signup and get organised")

    def test_editor_edits_the_home_page_hero(self):
        response = self.client.post(
            f"/admin/pages/{self.home.pk}/edit/",
            nested_form_data(
                {
                    "title": "Home",
                    "slug": "home",
                    "body": streamfield(
                        [
                            (
                                "hero",
                                {
                                    "heading": "Unite and organise",
                                    "statement": rich_text("<p>Together we are stronger.</p>"),
                                    "image": "",
                                    "action": {"label": "", "page": "", "external_url": ""},
                                },
                            )
                        ]
                    ),
                    "action-publish": "publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get("/"), "Unite and organise")

    def test_a_link_to_another_site_needs_its_words(self):
        response = self.client.post(
            f"/admin/pages/add/website/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Links",
                    "slug": "links",
                    "body": streamfield(
                        [
                            (
                                "call_to_action",
                                {
                                    "heading": "Read more",
                                    "text": "",
                                    "link": {"label": "", "page": "", "external_url": "https://example.org/"},
                                },
                            )
                        ]
                    ),
                    "action-publish": "publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A link to another site needs its words.")
        self.assertFalse(StandardPage.objects.filter(slug="links").exists())
