"""Hashtags and @handles in a post's text, as links to its platform's tag search and profile pages.

The text is split into plain runs and tags before anything is escaped, so a post's own characters never become
markup (escaping first would turn a quote into `&#x27;`, which reads like a hashtag), and each link is built by
format_html. Visitors reach the platform only by following a link: nothing loads from there.
"""

import re
from urllib.parse import quote, urlsplit

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# A tag starts at a space, punctuation or the start of the text: never inside a word, an address's #part or an
# e-mail address. A hashtag has at least one letter ("#1" is a number).
HASHTAG = r"(?<![\w/#&@])#(?P<tag>\w*[^\W\d_]\w*)"
# "@name", "@name.bsky.social" or a fediverse "@name@server.social"; a full stop after it ends the sentence.
HANDLE = (
    r"(?<![\w/@.])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)"
    r"(?:@(?P<server>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?"
)
TOKEN = re.compile(f"{HASHTAG}|{HANDLE}")
WHOLE_HANDLE = re.compile(f"^{HANDLE}$")
DOMAIN = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")

# Mastodon's live on each server: they are built from the post's own address instead.
HASHTAG_URLS = {
    "facebook": "https://www.facebook.com/hashtag/{tag}",
    "x": "https://x.com/hashtag/{tag}",
    "instagram": "https://www.instagram.com/explore/tags/{tag}/",
    "bluesky": "https://bsky.app/hashtag/{tag}",
    "youtube": "https://www.youtube.com/hashtag/{tag}",
    "tiktok": "https://www.tiktok.com/tag/{tag}",
    "mastodon": "https://{server}/tags/{tag}",
}
# The names each platform allows, and where its profile pages are; a name that does not fit stays text.
PROFILE_URLS = {
    "facebook": (re.compile(r"^[A-Za-z0-9.]{5,50}$"), "https://www.facebook.com/{name}"),
    "x": (re.compile(r"^[A-Za-z0-9_]{1,15}$"), "https://x.com/{name}"),
    "instagram": (re.compile(r"^[A-Za-z0-9_.]{1,30}$"), "https://www.instagram.com/{name}/"),
    "bluesky": (DOMAIN, "https://bsky.app/profile/{name}"),
    "youtube": (re.compile(r"^[A-Za-z0-9_.-]{3,30}$"), "https://www.youtube.com/@{name}"),
    "tiktok": (re.compile(r"^[A-Za-z0-9_.]{2,24}$"), "https://www.tiktok.com/@{name}"),
    "mastodon": (re.compile(r"^[A-Za-z0-9_]{1,30}$"), "https://{server}/@{name}"),
}
FEDIVERSE_NAME = PROFILE_URLS["mastodon"][0]


def post_server(post_url):
    """The host of an https post address: a Mastodon post's server."""
    try:
        split = urlsplit(post_url or "")
    except ValueError:
        return None
    host = split.hostname or ""
    return host if split.scheme == "https" and DOMAIN.match(host) else None


def hashtag_url(platform, tag, post_url=""):
    template = HASHTAG_URLS.get(platform)
    server = post_server(post_url)
    if template is None or ("{server}" in template and server is None):
        return None
    return template.format(tag=quote(tag, safe=""), server=server)


def profile_url(platform, handle, post_url=""):
    """The profile page of `handle` ("@name" or "@name@server") on `platform`, or None when it has no simple one."""
    match = WHOLE_HANDLE.match(handle or "")
    if match is None:
        return None
    name, server = match["name"], match["server"]
    if server:
        # A fediverse address names its own server, whichever platform mentions it.
        return f"https://{server}/@{name}" if FEDIVERSE_NAME.match(name) else None
    pattern, template = PROFILE_URLS.get(platform, (None, None))
    server = post_server(post_url)
    if pattern is None or not pattern.match(name) or ("{server}" in template and server is None):
        return None
    return template.format(name=name, server=server)


def linked_text(text, platform, post_url=""):
    """`text`, escaped, with its hashtags and handles linked where `platform` has a page for them."""
    pieces = []
    done = 0
    for match in TOKEN.finditer(text):
        if match["tag"]:
            url = hashtag_url(platform, match["tag"], post_url)
        else:
            url = profile_url(platform, match.group(0), post_url)
        if url is None:
            continue
        pieces.append(escape(text[done : match.start()]))
        pieces.append(format_html('<a href="{}" rel="noopener">{}</a>', url, match.group(0)))
        done = match.end()
    pieces.append(escape(text[done:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above or built by format_html
