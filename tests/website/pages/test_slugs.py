"""Slugs from titles with emoji: no leading or trailing hyphens, and a title of emoji alone still gets a usable slug,
whether the browser made the slug, the server did, or a page was made without the admin."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from website.models import StandardPage
from website.slugs import BROWSER_FORMATTERS, slug_for_title

EMOJI_TITLE = "🔥 Recall conference: 👇 sign now ❌"


def standard_page_form(**fields):
    return nested_form_data(
        {
            "title": EMOJI_TITLE,
            "slug": "",
            "listing_summary": "",
            "listing_image": "",
            "body": streamfield([]),
            **fields,
        }
    )


def create(client, parent, **fields):
    return client.post(f"/admin/pages/add/website/standardpage/{parent.pk}/", standard_page_form(**fields))


@pytest.mark.parametrize(
    "title, slug",
    [
        (EMOJI_TITLE, "recall-conference-sign-now"),
        ("🔥❌", "fire-cross-mark"),
        ("✊🏽 ✊🏽", "raised-fist-raised-fist"),
        ("!!!", "standard-page"),
        ("— Réclamer la démocratie —", "reclamer-la-democratie"),
    ],
)
def test_a_title_gives_a_slug_without_stray_hyphens(title, slug):
    assert slug_for_title(title, "standard page") == slug


@pytest.mark.django_db
def test_the_slug_the_browser_made_loses_its_leading_hyphen(admin_client, home_page):
    # What Wagtail's urlify made of the title before this fix.
    response = create(admin_client, home_page, slug="-recall-conference-sign-now-")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert StandardPage.objects.get(title=EMOJI_TITLE).slug == "recall-conference-sign-now"


@pytest.mark.django_db
def test_a_title_of_emoji_alone_gets_a_slug_from_the_server(admin_client, home_page):
    response = create(admin_client, home_page, title="🔥❌", slug="")
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StandardPage.objects.get(title="🔥❌")
    assert page.slug == "fire-cross-mark"
    assert page.url == "/fire-cross-mark/"


@pytest.mark.django_db
def test_a_second_page_with_the_same_emoji_title_gets_its_own_slug(admin_client, home_page):
    create(admin_client, home_page, title="🔥", slug="")
    create(admin_client, home_page, title="🔥", slug="")
    assert sorted(StandardPage.objects.filter(title="🔥").values_list("slug", flat=True)) == ["fire", "fire-2"]


@pytest.mark.django_db
def test_pages_made_without_the_admin_are_cleaned_too(home_page):
    page = home_page.add_child(instance=StandardPage(title="👇👇"))
    assert page.slug == "white-down-pointing-backhand-index-white-down-pointing-backhand-index"
    page.slug = "-sign-now-"
    page.save_revision().publish()
    assert Page.objects.get(pk=page.pk).slug == "sign-now"


@pytest.mark.django_db
def test_the_slug_field_carries_formatters_that_drop_emoji_before_the_browser_slugifies(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/add/website/standardpage/{home_page.pk}/")
    slug = BeautifulSoup(response.content, "html.parser").select_one("input[name=slug]")
    assert slug["data-controller"] == "w-slug"
    assert json.loads(slug["data-w-slug-formatters-value"]) == BROWSER_FORMATTERS
    # Optional: the server fills it in from the title, emoji alone included.
    assert not slug.has_attr("required")
