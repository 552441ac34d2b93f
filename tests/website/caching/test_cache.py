"""The page cache: anonymous visitors' pages kept and served without the database, rebuilt after every edit a
visitor could see; pages with a session or a form never kept; the repeated fragments cached; purges sent out."""

import datetime
import gzip
import sys
from functools import partial
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from campaigns.models import CampaignPage
from news.models import NewsPage
from signup.demo import sign_up_page
from signup.models import Supporter
from tests.endorsements.factories import endorsements_page
from tests.factories import OrganisationFactory, StandardPageFactory
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.utils import caching, wsgi_get
from website.generation import current_generation
from website.models import Navigation, SiteSettings
from website.page_cache import KeptPageFront, PageCacheMiddleware, page_key
from website.purge import forget_everything

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache():
    with caching(PAGE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_SECONDS=120):
        yield


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def queries_for(client, url, **extra):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    return response, len(context.captured_queries)


def edit(page, commit, **fields):
    """Publishes a change the way the editor does, and lets its transaction commit."""
    for name, value in fields.items():
        setattr(page, name, value)
    with commit(execute=True):
        page.save_revision().publish()


def test_anonymous_visitors_get_the_kept_page_without_a_database_query(client, home_page):
    first = client.get("/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    again, queries = queries_for(client, "/")
    assert again["X-Page-Cache"] == "hit"
    assert queries == 0
    assert again.content == first.content
    # Shared caches in front may keep it a while; browsers, which no purge reaches, for less.
    directives = {part.strip() for part in again["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60", "s-maxage=120"}
    # Headers added outside the cache are still there on a kept page.
    assert "Content-Security-Policy" in again and again["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def front():
    """website/wsgi.py's application, with Django's behind it watched."""
    return KeptPageFront(mock.Mock(wraps=get_wsgi_application()))


def test_the_wsgi_front_answers_a_kept_page_without_django(front, home_page):
    status, made_headers, made = wsgi_get(front, HTTP_ACCEPT_ENCODING="gzip")
    assert status == "200 OK" and made_headers["X-Page-Cache"] == "miss"
    status, headers, body = wsgi_get(front, HTTP_ACCEPT_ENCODING="gzip")
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert front.application.call_count == 1
    assert body == made and int(headers["Content-Length"]) == len(body)
    # Every header the middleware gave the page when it was made, the protective ones included.
    assert {**headers, "X-Page-Cache": "miss"} == {**made_headers, "Age": headers["Age"]}
    assert headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in headers
    # A browser that takes no gzip gets it plain, from the front too.
    assert gzip.decompress(body) == wsgi_get(front)[2]


def test_the_wsgi_front_leaves_sessions_and_strange_hosts_to_django(front, home_page):
    wsgi_get(front)
    status, headers, _ = wsgi_get(front, HTTP_COOKIE="sessionid=abc")
    assert status == "200 OK" and "X-Page-Cache" not in headers
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        status, _, _ = wsgi_get(front, HTTP_HOST="attacker.example")
    assert status.startswith("400")
    assert front.application.call_count == 3


def test_through_the_wsgi_front_plain_http_is_still_redirected_once_the_page_is_kept(home_page):
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=3600):
        # Made here: SecurityMiddleware reads its settings when Django's handler is built.
        front = KeptPageFront(get_wsgi_application())
    for _ in range(2):
        status, headers, _ = wsgi_get(front, secure=True)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit" and "Strict-Transport-Security" in headers
    status, headers, _ = wsgi_get(front)
    assert status.startswith("301") and headers["Location"] == "https://testserver/"


@pytest.mark.parametrize("first_accepts", ["gzip, deflate, br", ""])
def test_kept_pages_go_gzipped_to_browsers_that_take_it_and_plain_to_others(client, home_page, first_accepts):
    first = client.get("/", HTTP_ACCEPT_ENCODING=first_accepts)
    zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get("/")
    assert zipped["X-Page-Cache"] == plain["X-Page-Cache"] == "hit"
    assert zipped["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert (
        gzip.decompress(zipped.content)
        == plain.content
        == (gzip.decompress(first.content) if first_accepts else first.content)
    )
    assert len(zipped.content) < len(plain.content) / 2
    for response in (first, zipped, plain):
        assert int(response["Content-Length"]) == len(response.content)
        # Caches in front keep the two apart.
        assert "accept-encoding" in response["Vary"].lower()


class GoneInThisRelease:
    """Stands for what an older release kept and this one cannot unpickle: the test takes the class away."""


def test_a_kept_page_that_cannot_be_read_is_made_afresh(client, rf, home_page, monkeypatch):
    client.get("/")
    key = page_key(rf.get("/"))
    cache.set(key, (current_generation(), GoneInThisRelease()))
    monkeypatch.delattr(sys.modules[__name__], "GoneInThisRelease")
    response = client.get("/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_kept_page_says_its_age_so_that_caches_in_front_count_from_its_rendering(client, home_page):
    """Varnish and browsers take Age off their max-age: without it a page kept 29 s here would live 30 s more in
    each cache in front, and a petition's count would be older than the minute it promises."""
    with mock.patch("website.page_cache.time.time", return_value=1_000_000.0):
        first = client.get("/")
    assert first["X-Page-Cache"] == "miss" and "Age" not in first
    with mock.patch("website.page_cache.time.time", return_value=1_000_029.4):
        kept = client.get("/")
    assert kept["X-Page-Cache"] == "hit" and kept["Age"] == "29"


def test_head_is_answered_from_the_page_get_kept(client, home_page):
    client.get("/")
    assert client.head("/")["X-Page-Cache"] == "hit"


def test_query_strings_are_kept_apart(client, news_index):
    NewsPageFactory(parent=news_index, title="Only on page one")
    first = client.get(news_index.url)
    second = client.get(news_index.url, {"page": "2"})
    assert second["X-Page-Cache"] == "miss"
    assert "Only on page one" in first.content.decode()


def test_publishing_an_edit_shows_it_on_the_page_its_listing_the_home_page_and_the_feed(
    client, home_page, news_index, django_capture_on_commit_callbacks
):
    home_page.body = [("latest_news", {"heading": "What's new", "count": 3})]
    edit(home_page, django_capture_on_commit_callbacks)
    item = NewsPageFactory(
        parent=news_index, title="Before the edit", listing_summary="A rally.", date=datetime.date(2024, 5, 1)
    )
    urls = [item.url, news_index.url, "/", news_index.feed_url("rss")]
    for url in urls:
        assert "Before the edit" in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"

    edit(item, django_capture_on_commit_callbacks, title="After the edit")

    for url in urls:
        html = client.get(url).content.decode()
        assert "After the edit" in html and "Before the edit" not in html, url


def test_nothing_changes_until_the_edit_commits(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Committed title")
    client.get(page.url)
    page.title = "Uncommitted title"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    # Rebuilding before the commit could keep the old content under the new generation.
    assert callbacks
    assert client.get(page.url)["X-Page-Cache"] == "hit"


def test_saving_a_draft_keeps_the_cache(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Live title")
    client.get(page.url)
    page.title = "Draft title"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "hit" and "Live title" in response.content.decode()


def test_making_a_page_private_takes_it_off_at_once(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Members' briefing")
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    # As the admin's privacy switch does it: a restriction saved, the page itself untouched.
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(page.url).status_code == 200


def test_unpublishing_moving_and_deleting_take_the_page_off(client, home_page, django_capture_on_commit_callbacks):
    section = StandardPageFactory(parent=home_page, title="Section", slug="section")
    gone = StandardPageFactory(parent=home_page, title="Withdrawn", slug="withdrawn")
    moved = StandardPageFactory(parent=home_page, title="Moved", slug="moved")
    deleted = StandardPageFactory(parent=home_page, title="Deleted", slug="deleted")
    for url in ("/withdrawn/", "/moved/", "/deleted/"):
        assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        moved.move(section, pos="last-child")
    with django_capture_on_commit_callbacks(execute=True):
        deleted.delete()

    assert client.get("/withdrawn/").status_code == 404
    # Wagtail leaves a redirect at the old address.
    assert client.get("/moved/")["Location"].endswith("/section/moved/")
    assert client.get("/section/moved/").status_code == 200
    assert client.get("/deleted/").status_code == 404


def test_a_restore_rebuilds_every_page_once_it_commits(client, home_page, django_capture_on_commit_callbacks):
    # restore_site writes its rows without save signals, and says the whole site changed instead.
    about = StandardPageFactory(parent=home_page, title="About us")
    for url in ("/", about.url):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    Site.get_site_root_paths()  # what Wagtail keeps of the sites, in the shared cache
    kept_sites = partial(cache.get, SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    with django_capture_on_commit_callbacks(execute=True):
        forget_everything()
        assert client.get("/")["X-Page-Cache"] == "hit", "not before the restore commits"
        assert kept_sites() is not None
    assert kept_sites() is None, "the restored sites may have other root pages"
    assert [client.get(url)["X-Page-Cache"] for url in ("/", about.url)] == ["miss", "miss"]


@pytest.mark.parametrize("change", ["site name", "navigation", "organisation"])
def test_settings_navigation_and_snippets_rebuild_every_page(
    client, home_page, change, django_capture_on_commit_callbacks
):
    endorsements = endorsements_page(home_page)
    unite = OrganisationFactory(name="Unite")
    about = StandardPageFactory(parent=home_page, title="About us")
    before = {url: client.get(url).content.decode() for url in ("/", about.url, endorsements.url)}
    with django_capture_on_commit_callbacks(execute=True):
        if change == "site name":
            settings = SiteSettings.for_site(home_page.get_site())
            settings.site_name = "Renamed Network"
            settings.save()
            url, expected = about.url, "Renamed Network"
        elif change == "navigation":
            navigation = Navigation.for_site(home_page.get_site())
            navigation.header_links = [("link", {"page": about, "label": "Who we are", "external_url": ""})]
            navigation.save()
            url, expected = "/", "Who we are"
        else:
            unite.name = "Unite the Union"
            unite.save()
            url, expected = endorsements.url, "Unite the Union"
    assert expected not in before[url]
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert expected in response.content.decode()


def test_editors_and_anyone_with_a_session_are_never_served_a_kept_page(client, admin_client, home_page):
    client.get("/")
    response = admin_client.get("/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    # Nor is what an editor sees (the user bar) kept for visitors.
    assert "wagtail-userbar" in response.content.decode()
    assert "wagtail-userbar" not in client.get("/").content.decode()


def test_the_admin_and_search_are_never_kept_but_form_pages_are(client, home_page):
    signup = sign_up_page(home_page, lambda message: None)
    for url in ("/admin/login/", "/search/?q=network"):
        client.get(url)
        response = client.get(url)
        assert "X-Page-Cache" not in response, url
    # The sign-up page holds no CSRF token (website/shared_forms.py), so it is kept like any other page.
    client.get(signup.url)
    page = client.get(signup.url)
    assert page["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in page.content.decode()


def test_a_post_is_never_answered_from_the_cache(client, home_page):
    signup = sign_up_page(home_page, lambda message: None)
    client.get(signup.url)
    response = client.post(signup.url, {"email": "not an address"})
    assert "X-Page-Cache" not in response
    assert response.status_code in (200, 400)


def test_a_page_that_sets_a_cookie_is_not_shared(rf):

    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    response = PageCacheMiddleware(view)(rf.get("/cookie/"))
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_off_the_cache_is_not_used(client, home_page):
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get("/")
        response = client.get("/")
    assert "X-Page-Cache" not in response
    # A caching proxy in front may still keep it: purges reach it on every edit.
    assert "public" in response["Cache-Control"]


# Fragments


def test_fragments_save_queries_where_the_whole_page_cannot_be_kept(admin_client, home_page, news_index):
    about = StandardPageFactory(parent=home_page, title="About us")
    navigation = Navigation.for_site(home_page.get_site())
    navigation.header_links = [("link", {"page": about, "label": "About", "external_url": ""})]
    navigation.footer_links = [("link", {"page": news_index, "label": "News", "external_url": ""})]
    navigation.save()
    with override_settings(PAGE_CACHE_ENABLED=False, FRAGMENT_CACHE_ENABLED=False):
        admin_client.get(about.url)
        _, uncached = queries_for(admin_client, about.url)
    admin_client.get(about.url)
    response, cached = queries_for(admin_client, about.url)
    assert "X-Page-Cache" not in response
    # Navigation, its pages and the news index behind the feed links are no longer looked up.
    assert cached <= uncached - 3, (cached, uncached)


def test_with_whole_pages_off_fragments_are_still_kept_and_follow_edits(
    client, home_page, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(parent=home_page, title="About us")
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(about.url)
        _, rendered_with_fragments = queries_for(client, about.url)
        with override_settings(FRAGMENT_CACHE_ENABLED=False):
            _, rendered_without = queries_for(client, about.url)
        settings = SiteSettings.for_site(home_page.get_site())
        settings.site_name = "Renamed Network"
        with django_capture_on_commit_callbacks(execute=True):
            settings.save()
        response = client.get(about.url)
    assert "X-Page-Cache" not in response
    assert rendered_with_fragments < rendered_without
    assert "Renamed Network" in response.content.decode()


def test_the_header_marks_the_current_page_though_it_is_cached(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    contact = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    navigation = Navigation.for_site(home_page.get_site())
    navigation.header_links = [
        ("link", {"page": about, "label": "About", "external_url": ""}),
        ("link", {"page": contact, "label": "Contact", "external_url": ""}),
    ]
    navigation.save()
    about_html = client.get("/about/").content.decode()
    contact_html = client.get("/contact/").content.decode()
    assert '<a href="/about/" aria-current="page">About</a>' in about_html
    assert '<a href="/contact/">Contact</a>' in about_html
    assert '<a href="/contact/" aria-current="page">Contact</a>' in contact_html
    assert '<a href="/about/">About</a>' in contact_html


def test_feed_links_follow_the_news_index(client, home_page, django_capture_on_commit_callbacks):
    about = StandardPageFactory(parent=home_page, title="About us")
    assert "application/rss+xml" not in client.get(about.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        index = NewsIndexPageFactory(parent=home_page)
        index.save_revision().publish()
    assert index.feed_url("rss") in client.get(about.url).content.decode()


# Purging a caching proxy in front


@pytest.fixture
def proxy(request):
    """What the caching proxy in front receives: the addresses PURGEd, the hosts BANned (whole)."""
    backend = getattr(request, "param", "website.purge.PurgingProxy")
    sent = {"PURGE": [], "BAN": []}

    def urlopen(request, *args, **kwargs):
        assert request.full_url.startswith("http://127.0.0.1:6081/")
        host = request.headers["Host"]
        method = request.get_method()
        sent[method].append(f"http://{host}{request.selector}" if method == "PURGE" else host)

    configured = {"proxy": {"BACKEND": backend, "LOCATION": "http://127.0.0.1:6081"}}
    with (
        override_settings(WAGTAILFRONTENDCACHE=configured),
        mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen", side_effect=urlopen),
    ):
        yield sent


@pytest.fixture
def purged(proxy):
    return proxy["PURGE"]


def test_publishing_purges_the_page_its_listings_the_home_page_the_feeds_and_the_sitemap(
    home_page, news_index, purged, django_capture_on_commit_callbacks
):
    campaign = home_page.add_child(instance=CampaignPage(title="Recall", slug="recall"))
    campaign.save_revision().publish()
    item = NewsPageFactory(parent=news_index, title="Rally called", slug="rally-called", related_campaign=campaign)
    item.tags.add("Housing")
    purged.clear()

    edit(item, django_capture_on_commit_callbacks, title="Rally called off")

    host = home_page.get_site().root_url
    expected = {
        f"{host}/news/rally-called/",
        f"{host}/news/",
        f"{host}/",
        f"{host}/recall/",
        f"{host}/news/feed/rss/",
        f"{host}/news/feed/atom/",
        f"{host}/news/kind/statement/feed/rss/",
        f"{host}/news/topic/housing/feed/atom/",
        f"{host}/sitemap.xml",
    }
    assert expected <= set(purged), sorted(set(purged))


def test_unpublishing_and_deleting_purge_the_page_and_its_listing(
    home_page, news_index, purged, django_capture_on_commit_callbacks
):
    withdrawn = NewsPageFactory(parent=news_index, slug="withdrawn")
    deleted = NewsPageFactory(parent=news_index, slug="deleted")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    assert {"http://testserver/news/withdrawn/", "http://testserver/news/", "http://testserver/"} <= set(purged)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=deleted.pk).delete()
    assert {"http://testserver/news/deleted/", "http://testserver/news/", "http://testserver/"} <= set(purged)
    assert not NewsPage.objects.filter(pk=deleted.pk).exists()


def test_moving_purges_the_old_address_too(home_page, purged, django_capture_on_commit_callbacks):
    section = StandardPageFactory(parent=home_page, slug="section")
    moved = StandardPageFactory(parent=home_page, slug="moved")
    StandardPageFactory(parent=moved, slug="child")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved.move(section, pos="last-child")
    expected = {
        "http://testserver/moved/",
        "http://testserver/moved/child/",
        "http://testserver/section/moved/",
        "http://testserver/section/",
        "http://testserver/",
    }
    assert expected <= set(purged), sorted(set(purged))


def test_a_snippet_setting_or_privacy_change_bans_the_whole_site_in_one_request(
    home_page, proxy, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Renamed"
        organisation.save()
    assert proxy == {"PURGE": [], "BAN": ["testserver"]}
    settings = SiteSettings.for_site(home_page.get_site())
    proxy["BAN"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    assert proxy["BAN"] == ["testserver"]
    # A page made private: the proxy must not go on showing it to everyone.
    proxy["BAN"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)
    assert proxy["BAN"] == ["testserver"]


@pytest.mark.parametrize("proxy", ["wagtail.contrib.frontend_cache.backends.HTTPBackend"], indirect=True)
def test_a_proxy_that_only_purges_is_sent_every_page_instead(
    home_page, news_index, proxy, django_capture_on_commit_callbacks
):
    StandardPageFactory(parent=home_page, slug="about")
    NewsPageFactory(parent=news_index, slug="item")
    organisation = OrganisationFactory()
    proxy["PURGE"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Renamed"
        organisation.save()
    every_page = {page.get_full_url() for page in Page.objects.live().filter(depth__gt=1)}
    assert every_page == {
        "http://testserver/",
        "http://testserver/about/",
        "http://testserver/news/",
        "http://testserver/news/item/",
    }
    assert every_page | {"http://testserver/news/feed/rss/", "http://testserver/social/"} <= set(proxy["PURGE"])
    assert proxy["BAN"] == []


def test_nothing_is_purged_for_a_sign_up_or_a_draft(home_page, proxy, django_capture_on_commit_callbacks):
    signup = sign_up_page(home_page, lambda message: None)
    page = StandardPageFactory(parent=home_page)
    proxy["PURGE"].clear()
    proxy["BAN"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
        Supporter.objects.create(page=signup, email="someone@example.org", name="Someone")
    assert proxy == {"PURGE": [], "BAN": []}


def test_the_endorsements_wall_is_kept_per_filter_and_follows_edits(
    client, home_page, django_capture_on_commit_callbacks
):
    endorsements = endorsements_page(home_page)
    unite = OrganisationFactory(name="Unite", kind="trade_union")
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(endorsements.url)
        client.get(endorsements.url + "?kind=trade_union")
        # Behind Wagtail's back (no signal): the kept walls stay as they were...
        type(unite).objects.filter(pk=unite.pk).update(name="Renamed quietly")
        assert "Renamed quietly" not in client.get(endorsements.url).content.decode()
        assert "Renamed quietly" not in client.get(endorsements.url + "?kind=trade_union").content.decode()
        # ...and a filter not seen before is built afresh.
        assert "Renamed quietly" in client.get(endorsements.url + "?region=uk").content.decode()
        unite.name = "Unite the Union"
        with django_capture_on_commit_callbacks(execute=True):
            unite.save()
        assert "Unite the Union" in client.get(endorsements.url).content.decode()


def test_a_kept_page_carries_the_same_protective_headers(client, home_page):
    made = client.get("/")
    kept = client.get("/")
    assert (made["X-Page-Cache"], kept["X-Page-Cache"]) == ("miss", "hit")
    for header in ("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options"):
        assert kept[header] == made[header], header
    assert "script-src 'self'" in kept["Content-Security-Policy"]
