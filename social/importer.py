"""Copies the network's posts from an RSS or Atom feed (a Mastodon or Bluesky account's, say) into `SocialPost`s.

Run by `import_social_feed` from cron, never by a visitor's request: pages only ever show what is stored here.
Each entry is matched on its feed id, else its address, so importing again adds only what is new.
"""

import calendar
import datetime
import http.client
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import feedparser
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.dateformat import format as format_date
from django.utils.text import get_valid_filename
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

from social.models import SocialPost
from website.models import SiteImage
from website.svg import InvalidSvgError, sanitise_svg

FETCH_TIMEOUT = 20  # seconds, for the feed and for each picture
MAX_FEED_BYTES = 5 * 1024 * 1024
USER_AGENT = "BroadLeftNetwork-feed-import/1.0"
MAX_TEXT = SocialPost._meta.get_field("text").max_length
MAX_URL = SocialPost._meta.get_field("url").max_length
MAX_SOURCE_ID = SocialPost._meta.get_field("source_id").max_length
HTML_TYPES = {"text/html", "application/xhtml+xml"}
IMAGE_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
IMAGE_EXTENSIONS |= {"image/avif": "avif", "image/svg+xml": "svg"}


class FeedError(Exception):
    """The feed could not be read: its message is one line for the person who ran the import."""


class FetchError(Exception):
    pass


def fetch(url, max_bytes):
    """The body and Content-Type at an http(s) `url`, read with a timeout and at most `max_bytes` long."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("only http and https addresses can be fetched")
    try:
        with urlopen(Request(url, headers={"User-Agent": USER_AGENT}), timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - scheme checked above
            body = response.read(max_bytes + 1)
            content_type = response.headers.get_content_type()
    except HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason}") from error
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise FetchError(str(getattr(error, "reason", None) or error) or type(error).__name__) from error
    if len(body) > max_bytes:
        raise FetchError(f"it is larger than {filesizeformat(max_bytes)}")
    return body, content_type


def read_feed(source):
    """The parsed feed at an http(s) address or in a local file; FeedError when it is unreachable or unreadable."""
    if re.match(r"^https?://", source, re.I):
        try:
            data, _ = fetch(source, MAX_FEED_BYTES)
        except FetchError as error:
            raise FeedError(f"Could not fetch {source}: {error}.") from error
    else:
        path = Path(source)
        if not path.is_file():
            raise FeedError(f"{source} is neither an http(s) address nor a file.")
        data = path.read_bytes()
    # feedparser is given bytes, never the address, so it fetches nothing and opens no files itself.
    feed = feedparser.parse(data)
    if not feed.entries and (feed.bozo or not feed.version):
        reason = " ".join(str(feed.get("bozo_exception") or "").split()) or "no RSS or Atom in it"
        raise FeedError(f"{source} is not a readable RSS or Atom feed ({reason}).")
    return feed


class PlainText(HTMLParser):
    """An entry's HTML as plain text: paragraphs and line breaks kept, every tag and script dropped."""

    BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre"}
    SKIPPED = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        lines = (line.strip() for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_text(html):
    parser = PlainText()
    parser.feed(html)
    parser.close()
    return parser.text()


def entry_text(entry, rss):
    """The entry's words, and in RSS the plain text feedparser files as content from Media RSS: the picture's alt."""
    contents = entry.get("content") or []
    html = next((part.value for part in contents if part.get("type") in HTML_TYPES), None)
    alt = next((part.value for part in contents if part.get("type") == "text/plain"), "") if rss else ""
    if html is not None:
        return plain_text(html), alt
    if rss:
        return plain_text(entry.get("summary") or entry.get("title") or ""), alt
    plain = next((part.value.strip() for part in contents if part.get("value")), "")
    return plain or plain_text(entry.get("summary") or entry.get("title") or ""), ""


def entry_date(entry):
    """When it was posted, as an aware UTC datetime (feedparser gives UTC struct_times), or None."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), datetime.UTC)


def entry_image_url(entry):
    """The first picture in its enclosures or Media RSS, if any."""
    candidates = [link for link in entry.get("links", []) if link.get("rel") == "enclosure"]
    candidates += [{"href": media.get("url"), **media} for media in entry.get("media_content", [])]
    candidates += [{"href": media.get("url"), "type": "image/"} for media in entry.get("media_thumbnail", [])]
    for candidate in candidates:
        kind = candidate.get("type") or ""
        if candidate.get("href") and (kind.startswith("image/") or candidate.get("medium") == "image"):
            return candidate["href"]
    return None


def file_name(url, content_type):
    """A name for the picture, its extension from its Content-Type (image hosts' addresses often have none)."""
    stem, extension = os.path.splitext(os.path.basename(urlsplit(url).path))
    extension = IMAGE_EXTENSIONS.get(content_type) or extension.lower().lstrip(".") or "jpg"
    stem = get_valid_filename(stem)[:60] if stem else ""
    return f"{stem or 'social-post'}.{extension}"


def stored_image(url, title, description):
    """The picture at `url` in our image library, checked as an editor's upload would be; FetchError if refused."""
    data, content_type = fetch(url, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    name = file_name(url, content_type)
    if name.endswith(".svg"):
        # The image library saves an unreadable SVG as an empty drawing: a post is better without one.
        try:
            sanitise_svg(data)
        except InvalidSvgError as error:
            raise FetchError(str(error)) from error
    root = Collection.get_first_root_node()
    form = get_image_form(SiteImage)(
        data={"title": title[:255], "description": description[:255], "collection": root.pk},
        files={"file": SimpleUploadedFile(name, data, content_type=content_type)},
    )
    try:
        valid = form.is_valid()
    except Exception as error:  # noqa: BLE001 - image decoders fail on hostile bytes in many ways
        raise FetchError(f"not a readable picture ({type(error).__name__})") from error
    if not valid:
        raise FetchError(" ".join(error for errors in form.errors.values() for error in errors))
    return form.save()


def import_feed(source, platform, account_name="", handle="", limit=None, log=print):
    """Adds the feed's new entries as posts, newest first up to `limit`; returns (new, already there, skipped)."""
    feed = read_feed(source)
    account_name = account_name or feed.feed.get("title", "")[:100]
    entries = sorted(
        feed.entries,
        key=lambda entry: entry_date(entry) or datetime.datetime.min.replace(tzinfo=datetime.UTC),
        reverse=True,
    )[:limit]
    new = existing = skipped = 0
    for entry in entries:
        url = (entry.get("link") or "").strip()
        source_id = (entry.get("id") or "").strip()
        posted_at = entry_date(entry)
        text, alt = entry_text(entry, feed.version.startswith("rss"))
        if not url.startswith("https://") or len(url) > MAX_URL or len(source_id) > MAX_SOURCE_ID:
            log(f"  skipped {url or source_id or 'an entry'}: its address is not https, or it or its id is too long")
            skipped += 1
            continue
        if posted_at is None or not text:
            log(f"  skipped {url}: it has no date or no text")
            skipped += 1
            continue
        match = Q(url=url)
        if source_id:
            match |= Q(platform=platform, source_id=source_id)
        if SocialPost.objects.filter(match).exists():
            existing += 1
            continue
        if len(text) > MAX_TEXT:
            text = text[: MAX_TEXT - 1].rstrip() + "…"
        post = SocialPost(
            platform=platform,
            account_name=account_name,
            handle=handle,
            text=text,
            url=url,
            posted_at=posted_at,
            source_id=source_id,
        )
        image_url = entry_image_url(entry)
        if image_url:
            title = f"{post.get_platform_display()} post of {format_date(posted_at, 'j F Y')}"
            if account_name:
                title += f" by {account_name}"
            try:
                post.image = stored_image(image_url, title, alt)
            except FetchError as error:
                log(f"  {url}: its picture is left out ({error})")
        try:
            with transaction.atomic():
                post.save()
        except IntegrityError:
            # Another run added it since we looked: keep theirs, and drop the picture fetched for ours.
            if post.image:
                post.image.delete()
            existing += 1
            continue
        new += 1
    return new, existing, skipped
