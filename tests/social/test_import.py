"""`import_social_feed`: RSS and Atom entries become posts once however often it runs, pictures land in our image
library through its upload checks, and a feed it cannot read stops it with one clear line, having added nothing.

Nothing here calls out: feeds are local files, and every fetch is answered by a stand-in for `urlopen`."""

import datetime
import email.message
import io
import textwrap
from unittest import mock
from urllib.error import HTTPError, URLError
from urllib.response import addinfourl

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from social import importer as social_import
from social.models import SocialPost
from website.models import SiteImage

pytestmark = pytest.mark.django_db

MASTODON_RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Broad Left Network</title>
    <link>https://mastodon.social/@broadleft</link>
    <description>Public posts from @broadleft@mastodon.social</description>
    <item>
      <guid isPermaLink="true">https://mastodon.social/@broadleft/113001</guid>
      <link>https://mastodon.social/@broadleft/113001</link>
      <pubDate>Tue, 01 Dec 2026 19:30:00 +0100</pubDate>
      <description>&lt;p&gt;Join the rally on Saturday &lt;a href="https://mastodon.social/tags/RecallConference"
        class="mention hashtag" rel="tag"&gt;#&lt;span&gt;RecallConference&lt;/span&gt;&lt;/a&gt;&lt;/p&gt;
        &lt;p&gt;Speakers &amp;amp; stewards&lt;br&gt;wanted&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;
      </description>
      <media:content url="https://files.mastodon.social/media/rally.png" type="image/png" medium="image">
        <media:description type="plain">Marchers with a Reclaim Democracy banner</media:description>
      </media:content>
    </item>
    <item>
      <guid isPermaLink="true">https://mastodon.social/@broadleft/113000</guid>
      <link>https://mastodon.social/@broadleft/113000</link>
      <pubDate>Mon, 30 Nov 2026 09:00:00 +0000</pubDate>
      <description>&lt;p&gt;A slight delay to our socialist Telly slot.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
"""

ATOM = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Broad Left Network</title>
  <id>tag:example.org,2026:broadleft</id>
  <updated>2026-12-01T18:00:00Z</updated>
  <entry>
    <id>tag:example.org,2026:post-2</id>
    <title>Solidarity with Liverpool</title>
    <link rel="alternate" href="https://bsky.app/profile/broadleft.bsky.social/post/2"/>
    <published>2026-12-01T18:00:00Z</published>
    <updated>2026-12-01T18:05:00Z</updated>
    <content type="html">&lt;p&gt;We stand in full solidarity with the members of Liverpool.&lt;/p&gt;</content>
    <link rel="enclosure" type="image/jpeg" href="https://cdn.example.org/liverpool.jpg"/>
  </entry>
  <entry>
    <id>tag:example.org,2026:post-1</id>
    <title>Register for the rally</title>
    <link rel="alternate" href="https://bsky.app/profile/broadleft.bsky.social/post/1"/>
    <updated>2026-11-28T10:00:00Z</updated>
    <summary>Register now to join the rally before the NEC meeting.</summary>
  </entry>
</feed>
"""


def png_bytes(size=(40, 30)):
    data = io.BytesIO()
    Image.new("RGB", size, "red").save(data, "PNG")
    return data.getvalue()


def response(body, content_type="application/octet-stream", url="https://example.org/"):
    headers = email.message.Message()
    headers["Content-Type"] = content_type
    return addinfourl(io.BytesIO(body), headers, url, 200)


@pytest.fixture
def web():
    """Stands in for the network at urllib's boundary: `web.pages[url] = response or exception`."""
    pages = {}
    calls = []

    def urlopen(request, timeout=None):
        calls.append((request.full_url, timeout))
        answer = pages.get(request.full_url, URLError(ConnectionRefusedError(111, "Connection refused")))
        if isinstance(answer, Exception):
            raise answer
        return answer

    with mock.patch.object(social_import, "urlopen", urlopen):
        yield mock.Mock(pages=pages, calls=calls)


def feed_file(tmp_path, text, name="feed.xml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def run(*args):
    out = io.StringIO()
    call_command("import_social_feed", *args, stdout=out)
    return out.getvalue()


def test_rss_entries_become_posts_once_however_often_it_runs(tmp_path, web, root_collection):
    web.pages["https://files.mastodon.social/media/rally.png"] = response(png_bytes(), "image/png")
    source = feed_file(tmp_path, MASTODON_RSS)
    account = ("--account", "Broad Left Network", "--handle", "@broadleft@mastodon.social")
    args = (source, "--platform", "mastodon", *account)

    first = run(*args)
    second = run(*args)

    assert "2 new posts, 0 already there." in first
    assert "0 new posts, 2 already there." in second
    newest, older = SocialPost.objects.order_by("-posted_at")
    assert SocialPost.objects.count() == 2
    assert (newest.platform, newest.account_name, newest.handle) == (
        "mastodon",
        "Broad Left Network",
        "@broadleft@mastodon.social",
    )
    assert newest.url == newest.source_id == "https://mastodon.social/@broadleft/113001"
    assert newest.posted_at == datetime.datetime(2026, 12, 1, 18, 30, tzinfo=datetime.UTC)
    assert newest.posted_at.utcoffset() == datetime.timedelta(0)
    # The HTML is gone, its paragraphs and line breaks kept, its script dropped.
    assert newest.text == "Join the rally on Saturday #RecallConference\n\nSpeakers & stewards\nwanted"
    assert older.text == "A slight delay to our socialist Telly slot." and older.image is None
    # The picture is ours now, with the feed's alt text, fetched once (the second run had nothing new).
    image = newest.image
    assert image.file.name.startswith("original_images/rally")
    assert (image.width, image.height) == (40, 30) and image.file_size == len(png_bytes())
    assert image.description == "Marchers with a Reclaim Democracy banner"
    assert "Broad Left Network" in image.title
    assert SiteImage.objects.count() == 1
    assert web.calls == [("https://files.mastodon.social/media/rally.png", social_import.FETCH_TIMEOUT)]


def test_atom_entries_become_posts_with_the_feed_title_as_account(tmp_path, web, root_collection):
    web.pages["https://cdn.example.org/liverpool.jpg"] = response(png_bytes(), "image/png")
    out = run(feed_file(tmp_path, ATOM), "--platform", "bluesky", "--handle", "@broadleft.bsky.social")
    assert "2 new posts, 0 already there." in out
    newest, older = SocialPost.objects.order_by("-posted_at")
    assert newest.text == "We stand in full solidarity with the members of Liverpool."
    assert newest.source_id == "tag:example.org,2026:post-2"
    assert newest.url == "https://bsky.app/profile/broadleft.bsky.social/post/2"
    assert newest.posted_at == datetime.datetime(2026, 12, 1, 18, 0, tzinfo=datetime.UTC)
    assert newest.account_name == "Broad Left Network"
    # The address said .jpg, the bytes are a PNG: stored under the name its real format has.
    assert newest.image.file.name.endswith(".png")
    assert older.text == "Register now to join the rally before the NEC meeting."
    assert older.posted_at == datetime.datetime(2026, 11, 28, 10, 0, tzinfo=datetime.UTC)
    assert "0 new posts, 2 already there." in run(feed_file(tmp_path, ATOM), "--platform", "bluesky")


def test_the_feed_is_fetched_with_a_timeout_and_the_limit_keeps_the_newest(web):
    web.pages["https://mastodon.social/@broadleft.rss"] = response(MASTODON_RSS.encode(), "application/rss+xml")
    web.pages["https://files.mastodon.social/media/rally.png"] = URLError("timed out")
    out = run("https://mastodon.social/@broadleft.rss", "--platform", "mastodon", "--limit", "1")
    assert "1 new post, 0 already there." in out
    assert web.calls[0] == ("https://mastodon.social/@broadleft.rss", social_import.FETCH_TIMEOUT)
    assert list(SocialPost.objects.values_list("url", flat=True)) == ["https://mastodon.social/@broadleft/113001"]


def test_entries_without_an_id_are_matched_on_their_address(tmp_path, web):
    rss = MASTODON_RSS.replace('<guid isPermaLink="true">https://mastodon.social/@broadleft/113000</guid>', "")
    SocialPost.objects.create(
        platform="mastodon",
        text="Pasted in by an editor",
        url="https://mastodon.social/@broadleft/113001",
        posted_at=datetime.datetime(2026, 12, 1, 18, 30, tzinfo=datetime.UTC),
    )
    assert "1 new post, 1 already there." in run(feed_file(tmp_path, rss), "--platform", "mastodon")
    assert "0 new posts, 2 already there." in run(feed_file(tmp_path, rss), "--platform", "mastodon")
    assert SocialPost.objects.get(url="https://mastodon.social/@broadleft/113000").source_id == ""
    assert SocialPost.objects.get(url="https://mastodon.social/@broadleft/113001").text == "Pasted in by an editor"


@pytest.mark.parametrize(
    ("answer", "content_type"),
    [
        (URLError(ConnectionRefusedError(111, "Connection refused")), ""),
        (TimeoutError("timed out"), ""),
        (b"<html><body>Not a picture</body></html>", "text/html"),
        (b"GIF89a but not really", "image/gif"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed>", "image/svg+xml"),
    ],
    ids=["unreachable", "timeout", "html", "not-an-image", "broken-svg"],
)
def test_a_picture_that_cannot_be_fetched_or_fails_the_upload_checks_is_left_out(
    tmp_path, web, root_collection, answer, content_type
):
    web.pages["https://files.mastodon.social/media/rally.png"] = (
        answer if isinstance(answer, Exception) else response(answer, content_type)
    )
    out = run(feed_file(tmp_path, MASTODON_RSS), "--platform", "mastodon")
    assert "2 new posts, 0 already there." in out
    assert "its picture is left out" in out
    assert not SiteImage.objects.exists()
    assert SocialPost.objects.get(source_id__endswith="113001").image is None


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 1000, "too many pixels"),
        ("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20, "larger than 20\xa0bytes"),
    ],
)
def test_a_picture_over_the_image_library_limits_is_left_out(
    tmp_path, web, root_collection, settings, setting, value, message
):
    setattr(settings, setting, value)
    web.pages["https://files.mastodon.social/media/rally.png"] = response(png_bytes((40, 30)), "image/png")
    out = run(feed_file(tmp_path, MASTODON_RSS), "--platform", "mastodon")
    assert "2 new posts" in out and message in out
    assert not SiteImage.objects.exists()


def test_an_svg_picture_is_stored_without_its_script(tmp_path, web, root_collection):
    hostile = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect/></svg>'
    rss = MASTODON_RSS.replace("media/rally.png", "media/logo.svg").replace("image/png", "image/svg+xml")
    web.pages["https://files.mastodon.social/media/logo.svg"] = response(hostile, "image/svg+xml")
    run(feed_file(tmp_path, rss), "--platform", "mastodon")
    image = SocialPost.objects.get(source_id__endswith="113001").image
    with image.open_file() as file:
        stored = file.read()
    assert b"<rect" in stored and b"script" not in stored


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("this is not XML at all, just words", "is not a readable RSS or Atom feed"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off', "is not a readable RSS or Atom feed"),
        ("<html><body><p>A web page, not a feed</p></body></html>", "no RSS or Atom in it"),
    ],
    ids=["not-xml", "truncated", "web-page"],
)
def test_a_malformed_feed_stops_with_one_clear_line_and_adds_nothing(tmp_path, web, content, expected):
    source = feed_file(tmp_path, content)
    with pytest.raises(CommandError) as error:
        run(source, "--platform", "mastodon")
    message = str(error.value)
    assert expected in message and source in message
    assert "\n" not in message
    assert not SocialPost.objects.exists() and not SiteImage.objects.exists()


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (URLError(ConnectionRefusedError(111, "Connection refused")), "Connection refused"),
        (TimeoutError("timed out"), "timed out"),
        (HTTPError("https://mastodon.social/@gone.rss", 404, "Not Found", {}, None), "the server answered 404"),
    ],
    ids=["refused", "timeout", "404"],
)
def test_an_unreachable_feed_stops_with_one_clear_line_and_adds_nothing(web, answer, expected):
    url = "https://mastodon.social/@gone.rss"
    web.pages[url] = answer
    with pytest.raises(CommandError) as error:
        run(url, "--platform", "mastodon")
    message = str(error.value)
    assert message.startswith(f"Could not fetch {url}: ") and expected in message
    assert "\n" not in message
    assert not SocialPost.objects.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("/no/such/feed.xml", "--platform", "mastodon"), "neither an http(s) address nor a file"),
        (("feed.xml", "--platform", "mastodon", "--handle", "broadleft"), "Start the handle with @"),
        (("feed.xml", "--platform", "mastodon", "--handle", '@a"><script>'), "Start the handle with @"),
    ],
)
def test_bad_arguments_get_a_clear_message(web, args, expected):
    with pytest.raises(CommandError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        run(*args)
    assert not SocialPost.objects.exists()


def test_entries_the_site_cannot_keep_are_skipped_and_counted(tmp_path, web):
    rss = MASTODON_RSS.replace(
        "<link>https://mastodon.social/@broadleft/113000</link>",
        "<link>http://mastodon.social/@broadleft/113000</link>",
    )
    out = run(feed_file(tmp_path, rss), "--platform", "mastodon")
    assert "1 new post, 0 already there, 1 skipped." in out
    assert SocialPost.objects.count() == 1


def test_a_post_another_run_adds_meanwhile_is_counted_as_there_and_its_picture_dropped(tmp_path, web, root_collection):
    def picture_while_another_run_saves_the_post(request, timeout=None):
        SocialPost.objects.create(
            platform="mastodon",
            text="Saved by the other run",
            url="https://mastodon.social/@broadleft/113001",
            posted_at=datetime.datetime(2026, 12, 1, 18, 30, tzinfo=datetime.UTC),
            source_id="https://mastodon.social/@broadleft/113001",
        )
        return response(png_bytes(), "image/png")

    with mock.patch.object(social_import, "urlopen", picture_while_another_run_saves_the_post):
        out = run(feed_file(tmp_path, MASTODON_RSS), "--platform", "mastodon")
    assert "1 new post, 1 already there." in out
    assert SocialPost.objects.get(source_id__endswith="113001").text == "Saved by the other run"
    assert not SiteImage.objects.exists()


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://files.example.org/rally.png"])
def test_a_picture_address_that_is_not_http_is_never_opened(tmp_path, web, address):
    rss = MASTODON_RSS.replace("https://files.mastodon.social/media/rally.png", address)
    out = run(feed_file(tmp_path, rss), "--platform", "mastodon")
    assert "only http and https addresses can be fetched" in out
    assert web.calls == [] and not SiteImage.objects.exists()
