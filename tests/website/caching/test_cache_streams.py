"""Page bodies from the fragment cache: each section kept under its stored value, so that a kept section loads
nothing it chooses; sections that change with the clock kept no longer than a whole page; the site and its
settings found once."""

import datetime
import re
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage
from tests.factories import StandardPageFactory
from tests.utils import caching
from website.models import SiteSettings

pytestmark = pytest.mark.django_db

# Tables read only for what the fragment cache keeps: the organisations, news, campaigns, social posts and images
# the sections show, the site and its settings.
KEPT_TABLES = ("endorsements_", "news_", "campaigns_", "wagtailimages_", 'wagtailcore_site"', "website_")


@pytest.fixture(autouse=True)
def fragments():
    with caching(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False, PAGE_CACHE_SECONDS=120):
        yield


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries], response.content.decode()


def test_kept_sections_load_nothing_they_show_or_choose(client, demo_site):
    first, first_html = queries(client, "/")
    again, html = queries(client, "/")
    assert any(table in sql for sql in first for table in KEPT_TABLES)
    assert html == first_html
    # What is left is finding the page, whether it is private, and the picture its head shares (og:image).
    share_image = demo_site.root_page.specific.get_share_image() or SiteSettings.for_site(demo_site).default_share_image
    shared = f'"website_siteimage"."id" = {share_image.pk} ' if share_image else None
    assert not [sql for sql in again if any(table in sql for table in KEPT_TABLES) and not (shared and shared in sql)]
    # Plus the petition section's three, which is not kept because its count is live (petitions/blocks.py): the
    # petition, whether it is private, and the page it links; the counter itself is read with the petition.
    assert len(again) <= 7, "\n".join(sql[:160] for sql in again)


def render_body(page, request):
    template = Template("{% load page_cache %}{% include_stream page.body %}")
    return template.render(Context({"page": page, "request": request}))


def test_an_edited_section_is_rendered_afresh_though_it_keeps_its_id(rf, home_page):
    # As in a preview: the same block, edited and not saved, must not show the kept version.
    request = rf.get("/")
    stream_block = HomePage.body.field.stream_block
    home_page.body = StreamValue(stream_block, [("text", RichText("<p>As published</p>"), "intro")])
    assert "As published" in render_body(home_page, request)
    home_page.body = StreamValue(stream_block, [("text", RichText("<p>Edited draft</p>"), "intro")])
    html = render_body(home_page, request)
    assert "Edited draft" in html and "As published" not in html


def test_a_preview_neither_reads_nor_keeps_fragments(rf, home_page):
    # A draft's footer or menu (say, a renamed page in it) must never become what visitors are shown.
    stream_block = HomePage.body.field.stream_block
    home_page.body = StreamValue(stream_block, [("text", RichText("<p>Published</p>"), "intro")])
    preview = rf.get("/")
    preview.is_preview = True
    with mock.patch("website.fragment_cache.caches") as fragment_caches:
        assert "Published" in render_body(home_page, preview)
    fragment_caches.__getitem__.assert_not_called()


def test_sections_keep_their_headings_ids_when_kept(client, demo_site):
    html = client.get("/").content.decode()
    block_ids = [raw["id"] for raw in demo_site.root_page.specific.body.raw_data if raw["type"] == "latest_campaigns"]
    assert f'id="latest-campaigns-{block_ids[0]}"' in html
    assert client.get("/").content.decode() == html


def livestream_home(home_page, starts_at):
    home_page.body = [
        (
            "livestream",
            {
                "title": "Socialist Telly",
                "url": "https://www.youtube.com/live/dQw4w9WgXcQ",
                "starts_at": starts_at,
                "ends_at": starts_at + datetime.timedelta(hours=2),
                "recording_url": "",
                "thumbnail": None,
            },
        )
    ]
    home_page.save_revision().publish()


def home_at(client, moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return client.get("/").content.decode()


def test_a_livestream_goes_live_on_time_though_nothing_was_published(client, home_page):
    starts_at = datetime.datetime(2026, 12, 1, 19, 30)
    livestream_home(home_page, starts_at)
    before = datetime.datetime(2026, 12, 1, 19, 0, tzinfo=datetime.UTC)
    during = datetime.datetime(2026, 12, 1, 19, 31, tzinfo=datetime.UTC)
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert "Live now" not in home_at(client, before)
        assert "Live now" in home_at(client, during)
    # With whole pages kept for two minutes, the kept section may show the stream as it was for as long.
    cache.clear()
    assert "Live now" not in home_at(client, before)
    assert "Live now" not in home_at(client, during)


def test_the_site_is_found_without_a_query_until_a_site_changes(client, home_page, django_capture_on_commit_callbacks):
    client.get("/")
    again, _ = queries(client, "/")
    assert not [sql for sql in again if 'FROM "wagtailcore_site"' in sql]
    new_home = StandardPageFactory(parent=Page.get_first_root_node(), title="A new front page")
    site = Site.objects.get(is_default_site=True)
    site.root_page = new_home
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    _, html = queries(client, "/")
    assert "A new front page" in html


def test_page_templates_render_streams_with_include_stream_not_an_include_block_loop():
    """`{% for block in page.body %}{% include_block block %}{% endfor %}` works, and silently loses the fragment
    cache (every section rendered, everything it chooses loaded, on every visit): `{% include_stream page.body %}`
    renders the same HTML with the cacheable sections kept. This keeps the loud way the only way."""
    loop = re.compile(r"{%\s*for\s+\w+\s+in\s+(?:page|self)\.\w+\s*%}(?:(?!{%\s*endfor).)*{%\s*include_block", re.S)
    ours = [Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR]
    folders = [Path(settings.BASE_DIR) / "templates", *(path / "templates" for path in ours)]
    offending = [
        str(path.relative_to(settings.BASE_DIR))
        for folder in folders
        for path in folder.rglob("*.html")
        if loop.search(path.read_text())
    ]
    assert offending == [], "use {% include_stream page.body %} (website/fragment_cache.py) in " + ", ".join(offending)
