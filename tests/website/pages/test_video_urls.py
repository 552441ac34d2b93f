"""Every form of video address editors paste, parsed by its shape alone."""

import pytest

from website.video_urls import PLAYER_ORIGINS, parse_video_url

YOUTUBE_ID = "dQw4w9WgXcQ"

# (pasted address, provider, id, where visitors go without JavaScript, the player's address)
RECOGNISED = [
    (
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0",
    ),
    (
        f"https://youtube.com/watch?feature=share&v={YOUTUBE_ID}&list=PL123",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0",
    ),
    (
        f"https://m.youtube.com/watch?v={YOUTUBE_ID}&t=1m30s",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0&start=90",
    ),
    (
        f"https://youtu.be/{YOUTUBE_ID}?si=tracking123&t=42",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0&start=42",
    ),
    (
        f"https://www.youtube.com/live/{YOUTUBE_ID}?feature=shared",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0",
    ),
    (
        f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0",
    ),
    (
        f"https://www.youtube.com/embed/{YOUTUBE_ID}",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0",
    ),
    (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?start=10",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0&start=10",
    ),
    (
        f"youtube.com/watch?v={YOUTUBE_ID}",
        "youtube",
        YOUTUBE_ID,
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1&rel=0",
    ),
    (
        "https://vimeo.com/76979871",
        "vimeo",
        "76979871",
        "https://vimeo.com/76979871",
        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
    ),
    (
        "https://vimeo.com/76979871/8272103f6e",
        "vimeo",
        "76979871",
        "https://vimeo.com/76979871/8272103f6e",
        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=8272103f6e",
    ),
    (
        "https://vimeo.com/channels/staffpicks/76979871",
        "vimeo",
        "76979871",
        "https://vimeo.com/76979871",
        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
    ),
    (
        "https://player.vimeo.com/video/76979871?h=8272103f6e",
        "vimeo",
        "76979871",
        "https://vimeo.com/76979871/8272103f6e",
        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=8272103f6e",
    ),
    (
        "https://www.facebook.com/BroadLeftNetwork/videos/1234567890123456/",
        "facebook",
        "1234567890123456",
        "https://www.facebook.com/BroadLeftNetwork/videos/1234567890123456/",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FBroadLeftNetwork%2Fvideos"
        "%2F1234567890123456%2F&autoplay=1",
    ),
    (
        "https://www.facebook.com/watch/?v=1234567890123456",
        "facebook",
        "1234567890123456",
        "https://www.facebook.com/watch/?v=1234567890123456",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890123456"
        "&autoplay=1",
    ),
    (
        "https://m.facebook.com/video.php?v=1234567890123456",
        "facebook",
        "1234567890123456",
        "https://www.facebook.com/watch/?v=1234567890123456",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890123456"
        "&autoplay=1",
    ),
    (
        "https://www.facebook.com/reel/1234567890123456",
        "facebook",
        "1234567890123456",
        "https://www.facebook.com/reel/1234567890123456",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Freel%2F1234567890123456"
        "&autoplay=1",
    ),
    (
        "https://fb.watch/abC1dEfGhI/",
        "facebook",
        "abC1dEfGhI",
        "https://fb.watch/abC1dEfGhI/",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Ffb.watch%2FabC1dEfGhI%2F&autoplay=1",
    ),
]

NOT_VIDEOS = [
    "",
    "   ",
    "https://example.org/video.mp4",
    "https://www.youtube.com/",
    "https://www.youtube.com/watch",
    "https://www.youtube.com/watch?v=tooshort",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ<script>",
    "https://www.youtube.com/@BroadLeftNetwork",
    "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
    "https://youtu.be/",
    "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
    "ftp://youtu.be/dQw4w9WgXcQ",
    "https://vimeo.com/",
    "https://vimeo.com/channels/staffpicks",
    "https://vimeo.com/event/1234567",
    "https://www.facebook.com/BroadLeftNetwork",
    "https://www.facebook.com/BroadLeftNetwork/posts/1234567890",
    "https://www.facebook.com/watch/?v=notanumber",
    "https://x.com/BroadLeft/status/1234567890",
]


@pytest.mark.parametrize(("url", "provider", "video_id", "watch_url", "player_url"), RECOGNISED)
def test_recognised_video_addresses(url, provider, video_id, watch_url, player_url):
    video = parse_video_url(url)
    assert video is not None, url
    assert (video.provider, video.video_id, video.watch_url, video.player_url) == (
        provider,
        video_id,
        watch_url,
        player_url,
    )


@pytest.mark.parametrize("url", NOT_VIDEOS)
def test_other_addresses_are_not_videos(url):
    assert parse_video_url(url) is None


@pytest.mark.parametrize("url", [row[0] for row in RECOGNISED])
def test_players_come_only_from_the_allowed_origins(url):
    assert parse_video_url(url).player_url.startswith(tuple(f"{origin}/" for origin in PLAYER_ORIGINS))


def test_youtube_players_never_come_from_youtube_com_itself():
    for url, provider, *_ in RECOGNISED:
        if provider == "youtube":
            assert parse_video_url(url).player_url.startswith("https://www.youtube-nocookie.com/embed/")


def test_start_times_in_hours_minutes_and_seconds():
    assert parse_video_url(f"https://youtu.be/{YOUTUBE_ID}?t=1h2m3s").start_seconds == 3723
    assert parse_video_url(f"https://youtu.be/{YOUTUBE_ID}?t=nonsense").start_seconds == 0
    assert parse_video_url(f"https://www.youtube.com/watch?v={YOUTUBE_ID}#t=75").start_seconds == 75


def test_frame_src_allows_exactly_the_player_origins(settings):
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] == ["'self'", *PLAYER_ORIGINS]


def test_provider_names_for_visitors():
    names = {parse_video_url(url).provider: parse_video_url(url).provider_name for url, *_ in RECOGNISED}
    assert names == {"youtube": "YouTube", "vimeo": "Vimeo", "facebook": "Facebook"}
