"""Recognise the video URLs editors paste and turn them into a privacy-respecting player address.

Nothing here touches the network: a URL is parsed by its shape alone, so saving and rendering never wait on a
provider.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlsplit

YOUTUBE_PLAYER_ORIGIN = "https://www.youtube-nocookie.com"
VIMEO_PLAYER_ORIGIN = "https://player.vimeo.com"
FACEBOOK_PLAYER_ORIGIN = "https://www.facebook.com"
PLAYER_ORIGINS = (YOUTUBE_PLAYER_ORIGIN, VIMEO_PLAYER_ORIGIN, FACEBOOK_PLAYER_ORIGIN)

UNSUPPORTED_MESSAGE = (
    "This is not a video address we can show. Paste the address of a YouTube video, short or livestream "
    "(youtube.com/watch?v=…, youtu.be/…, youtube.com/live/…, youtube.com/shorts/…), a Vimeo video "
    "(vimeo.com/123456) or a Facebook video (facebook.com/…/videos/…, fb.watch/…)."
)

LIVESTREAM_MESSAGE = (
    "This is not a stream address we recognise: a site's or channel's home page is not enough. Paste the address "
    "of the stream itself on YouTube (youtube.com/live/… or youtube.com/watch?v=…), Vimeo (vimeo.com/123456) or "
    "Facebook (facebook.com/…/videos/…), or leave it empty."
)

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
YOUTUBE_PATH_PREFIXES = ("live", "shorts", "embed", "v", "e")
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
FACEBOOK_HOSTS = {"facebook.com", "m.facebook.com", "web.facebook.com", "fb.watch"}
FACEBOOK_VIDEO_PATH = re.compile(r"^/(?:[^/]+/videos/(?:[^/]+/)?\d+|video\.php|watch|reel/\d+|share/[vr]/\w+)/?$")


@dataclass(frozen=True)
class Video:
    """A video we know how to play: which provider, its id there, and the address to send visitors to."""

    provider: str  # "youtube", "vimeo" or "facebook"
    video_id: str
    watch_url: str
    start_seconds: int = 0
    vimeo_hash: str = ""

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo", "facebook": "Facebook"}[self.provider]

    @property
    def player_url(self):
        """The iframe address, loaded only after the visitor asks for the player."""
        if self.provider == "youtube":
            params = {"autoplay": "1", "rel": "0"}
            if self.start_seconds:
                params["start"] = str(self.start_seconds)
            return f"{YOUTUBE_PLAYER_ORIGIN}/embed/{self.video_id}?{urlencode(params)}"
        if self.provider == "vimeo":
            params = {"autoplay": "1", "dnt": "1"}
            if self.vimeo_hash:
                params["h"] = self.vimeo_hash
            return f"{VIMEO_PLAYER_ORIGIN}/video/{self.video_id}?{urlencode(params)}"
        return f"{FACEBOOK_PLAYER_ORIGIN}/plugins/video.php?{urlencode({'href': self.watch_url, 'autoplay': '1'})}"


def _host(split):
    host = (split.hostname or "").lower()
    return host.removeprefix("www.")


def _start_seconds(query, fragment):
    """YouTube's ?t=90, ?t=1m30s or ?start=90 (also after #), as whole seconds; 0 when absent or odd."""
    values = parse_qs(query).get("t") or parse_qs(query).get("start") or parse_qs(fragment).get("t") or [""]
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", values[0])
    if not match or not values[0]:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube(split):
    host = _host(split)
    segments = [segment for segment in split.path.split("/") if segment]
    video_id = ""
    if host == "youtu.be" and segments:
        video_id = segments[0]
    elif host in YOUTUBE_HOSTS:
        if segments == ["watch"]:
            video_id = (parse_qs(split.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in YOUTUBE_PATH_PREFIXES:
            video_id = segments[1]
    if not YOUTUBE_ID.match(video_id):
        return None
    return Video(
        provider="youtube",
        video_id=video_id,
        watch_url=f"https://www.youtube.com/watch?v={video_id}",
        start_seconds=_start_seconds(split.query, split.fragment),
    )


def _vimeo(split):
    if _host(split) not in VIMEO_HOSTS:
        return None
    segments = [segment for segment in split.path.split("/") if segment]
    if segments[:1] == ["event"]:
        return None  # Vimeo's live events play from another address, which our CSP does not allow.
    if segments[:1] == ["video"]:
        segments = segments[1:]
    numeric = [index for index, segment in enumerate(segments) if segment.isdigit()]
    if not numeric:
        return None
    index = numeric[-1]
    video_id = segments[index]
    # Unlisted videos carry a privacy hash, either as the next path segment or as ?h=.
    following = segments[index + 1] if index + 1 < len(segments) else ""
    vimeo_hash = following if re.fullmatch(r"[0-9a-f]{6,}", following) else (parse_qs(split.query).get("h") or [""])[0]
    watch_url = f"https://vimeo.com/{video_id}" + (f"/{vimeo_hash}" if vimeo_hash else "")
    return Video(provider="vimeo", video_id=video_id, watch_url=watch_url, vimeo_hash=vimeo_hash)


def _facebook(split):
    host = _host(split)
    if host not in FACEBOOK_HOSTS:
        return None
    if host == "fb.watch":
        token = split.path.strip("/")
        if not re.fullmatch(r"[\w-]+", token):
            return None
        return Video(provider="facebook", video_id=token, watch_url=f"https://fb.watch/{quote(token)}/")
    if not FACEBOOK_VIDEO_PATH.match(split.path):
        return None
    query = parse_qs(split.query)
    if split.path.rstrip("/") in ("/video.php", "/watch"):
        video_id = (query.get("v") or [""])[0]
        if not video_id.isdigit():
            return None
        watch_url = f"https://www.facebook.com/watch/?v={video_id}"
    else:
        video_id = split.path.rstrip("/").rsplit("/", 1)[-1]
        watch_url = f"https://www.facebook.com{split.path}"
    return Video(provider="facebook", video_id=video_id, watch_url=watch_url)


def parse_video_url(url):
    """The `Video` behind an editor's URL, or None when it is not a YouTube, Vimeo or Facebook video."""
    url = (url or "").strip()
    if not url:
        return None
    if "://" not in url:
        url = f"https://{url}"
    split = urlsplit(url)
    if split.scheme not in ("http", "https"):
        return None
    for parser in (_youtube, _vimeo, _facebook):
        video = parser(split)
        if video:
            return video
    return None
