"""The header: the editors' menu and Join button, or, on a site whose editors have not set a menu up, the main
sections found from the page tree; the link to the section a visitor is in marked current; kept fresh by the cache."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory
from tests.utils import caching
from website.models import Navigation

pytestmark = pytest.mark.django_db


def header_links(client, url="/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [(link.get_text(strip=True), link["href"], link.get("aria-current")) for link in html.select(".site-nav a")]


def join_button(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one(".site-header .button--join")


def section(parent, title, slug, in_menu=True, **fields):
    return StandardPageFactory(parent=parent, title=title, slug=slug, show_in_menus=in_menu, **fields)


def test_without_a_menu_the_header_shows_the_home_pages_sections_in_menus(client, home_page):
    about = section(home_page, "About us", "about")
    section(home_page, "Campaigns", "campaigns")
    section(home_page, "Privacy notice", "privacy", in_menu=False)
    draft = section(home_page, "Coming soon", "soon")
    draft.unpublish()
    members = section(home_page, "Members only", "members")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    section(about, "Our history", "history")  # not a main section: one level down

    assert header_links(client) == [("About us", "/about/", None), ("Campaigns", "/campaigns/", None)]


def test_the_link_to_the_page_or_the_section_a_visitor_is_in_is_marked_current(client, home_page):
    about = section(home_page, "About us", "about")
    section(home_page, "Campaigns", "campaigns")
    section(about, "Our history", "history")

    assert header_links(client, "/about/")[0] == ("About us", "/about/", "page")
    assert header_links(client, "/about/history/") == [
        ("About us", "/about/", "true"),
        ("Campaigns", "/campaigns/", None),
    ]


def test_the_editors_menu_and_join_button_replace_the_page_tree(client, home_page):
    about = section(home_page, "About us", "about")
    join = section(home_page, "Sign up", "sign-up", in_menu=False)
    navigation = Navigation.for_site(home_page.get_site())
    navigation.header_links = [
        ("link", {"label": "Who we are", "page": about, "external_url": ""}),
        ("link", {"label": "Our shop", "page": None, "external_url": "https://shop.example.org/"}),
    ]
    navigation.join_page = join
    navigation.join_label = "Join us"
    navigation.save()

    assert header_links(client) == [("Who we are", "/about/", None), ("Our shop", "https://shop.example.org/", None)]
    button = join_button(client)
    assert button.get_text(strip=True) == "Join us" and button["href"] == "/sign-up/"


def test_no_join_button_until_editors_choose_its_page_and_none_to_a_page_taken_down(client, home_page):
    assert join_button(client) is None
    join = section(home_page, "Sign up", "sign-up", in_menu=False)
    navigation = Navigation.for_site(home_page.get_site())
    navigation.join_page = join
    navigation.save()
    assert join_button(client) is not None
    join.unpublish()
    assert join_button(client) is None


def test_a_new_section_reaches_every_kept_header_once_published(client, home_page, django_capture_on_commit_callbacks):
    with caching(PAGE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=120):
        with django_capture_on_commit_callbacks(execute=True):
            about = section(home_page, "About us", "about")
        assert [text for text, _, _ in header_links(client, "/about/")] == ["About us"]
        with django_capture_on_commit_callbacks(execute=True):
            section(home_page, "Events", "events")
        assert [text for text, _, _ in header_links(client, "/about/")] == ["About us", "Events"]
        with django_capture_on_commit_callbacks(execute=True):
            about.unpublish()
        assert client.get("/about/").status_code == 404
        assert [text for text, _, _ in header_links(client, "/events/")] == ["Events"]


def test_the_demo_header_links_every_main_section_and_joins_at_the_sign_up_page(client, demo_site):
    links = header_links(client)
    assert [(text, href) for text, href, _ in links] == [
        ("Campaigns", "/campaigns/"),
        ("Events", "/events/"),
        ("What's new", "/news/"),
        ("Endorsements", "/endorsements/"),
        ("Get involved", "/get-involved/"),
    ]
    assert join_button(client)["href"] == "/sign-up/"
    # The same sections are 'shown in menus', so emptying the menu still leaves a way to each (in the tree's order).
    navigation = Navigation.for_site(demo_site)
    navigation.header_links = []
    navigation.save()
    assert sorted(href for _, href, _ in header_links(client)) == sorted(href for _, href, _ in links)
