"""The demo's scale-up: pages added in bulk are whole Wagtail pages, and a second run adds nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from endorsements.models import Organisation
from endorsements.scale_demo import add_organisations
from news.models import NewsIndexPage, NewsPage
from news.scale_demo import add_news
from social.models import SocialPost
from social.scale_demo import add_social_posts

pytestmark = pytest.mark.django_db


def test_scaled_news_items_are_live_pages_in_a_sound_tree(client, demo_site):
    index = NewsIndexPage.objects.get()
    before = index.get_children().count()
    today = timezone.localdate()

    assert add_news(index, 30, today) == 30
    assert add_news(index, 30, today) == 0

    index.refresh_from_db()
    assert index.numchild == index.get_children().count() == before + 30
    # treebeard's own check: paths, depths and child counts agree.
    assert not any(Page.find_problems())
    item = NewsPage.objects.filter(slug__endswith="-30").get()
    assert item.live and item.url_path == f"{index.url_path}{item.slug}/"
    page = client.get(item.url)
    assert page.status_code == 200 and item.title in page.content.decode()
    # The oldest item, on the archive's last page (a page past the end shows the last).
    assert item.title in client.get(f"{index.url}?page=999").content.decode()
    assert item in get_search_backend().search(item.title, NewsPage)
    # An editor can go on to edit and publish it as any other page.
    item.title = "Edited by an editor"
    item.save_revision().publish()
    assert "Edited by an editor" in client.get(item.url).content.decode()


def test_scaled_organisations_and_posts_are_added_once(client, demo_site):
    organisations, posts = Organisation.objects.count(), SocialPost.objects.count()

    assert add_organisations(12) == 12
    assert add_social_posts(25, timezone.localdate()) == 25
    assert add_organisations(12) == 0
    assert add_social_posts(25, timezone.localdate()) == 0

    assert Organisation.objects.count() == organisations + 12
    assert SocialPost.objects.count() == posts + 25
    added = Organisation.objects.order_by("-sort_order").first()
    assert added.name in client.get("/endorsements/").content.decode()
    assert added in get_search_backend().search(added.name, Organisation)


def test_the_command_needs_the_demo_content_first(site):
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("scale_demo_content", stdout=io.StringIO())
