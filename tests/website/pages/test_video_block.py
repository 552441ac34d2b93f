"""The video block: what editors may paste, and the placeholder visitors get before they press play."""

import re

import pytest
from wagtail.blocks import StructBlockValidationError

from tests.factories import ImageFactory, StandardPageFactory
from tests.utils import assert_no_inline_code
from website.blocks import VideoBlock
from website.video_urls import UNSUPPORTED_MESSAGE

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
# Addresses a browser would fetch as it renders the HTML (links and data- attributes it never fetches unasked).
FETCHED_ADDRESSES = re.compile(r"""\s(?:src|srcset|poster|data)=["']([^"']+)["']""", re.I)


def clean(**fields):
    block = VideoBlock()
    return block.clean(block.to_python({"title": "Socialist Telly", "thumbnail": None, "caption": "", **fields}))


def url_errors(error):
    return error.value.block_errors["url"].messages


@pytest.mark.parametrize(
    "url", [YOUTUBE_URL, "https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871", "https://fb.watch/abc123/"]
)
def test_supported_videos_are_accepted(url):
    assert clean(url=url)["url"] == url


@pytest.mark.parametrize(
    "url", ["https://example.org/film.mp4", "https://www.youtube.com/@BroadLeftNetwork", "https://x.com/a/status/1"]
)
def test_an_unsupported_address_gets_a_clear_message(url):
    with pytest.raises(StructBlockValidationError) as error:
        clean(url=url)
    assert url_errors(error) == [UNSUPPORTED_MESSAGE]
    assert "YouTube" in UNSUPPORTED_MESSAGE and "Vimeo" in UNSUPPORTED_MESSAGE and "Facebook" in UNSUPPORTED_MESSAGE


def test_the_title_is_required():
    with pytest.raises(StructBlockValidationError) as error:
        clean(url=YOUTUBE_URL, title="")
    assert "title" in error.value.block_errors


def render(**fields):
    block = VideoBlock()
    return block.render(block.to_python({"title": "Socialist Telly", "thumbnail": None, "caption": "", **fields}))


def test_placeholder_is_a_plain_link_to_the_video_with_the_nocookie_player_for_later():
    html = render(url="https://youtu.be/dQw4w9WgXcQ?t=42", caption="Every Tuesday")
    assert '<a class="video__placeholder" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    player = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0&amp;start=42"
    assert f'data-video-player="{player}"' in html
    assert 'data-video-title="Socialist Telly"' in html
    assert '<span class="video__title">Socialist Telly</span>' in html
    assert "Watch on YouTube" in html
    assert "<figcaption>Every Tuesday</figcaption>" in html
    assert "<iframe" not in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_thumbnail_comes_from_our_server(root_collection):
    thumbnail = ImageFactory(collection=root_collection, title="Rally crowd", description="Rally crowd")
    html = render(url="https://vimeo.com/76979871", thumbnail=thumbnail.pk)
    fetched = FETCHED_ADDRESSES.findall(html)
    assert fetched, "the thumbnail should be in the HTML"
    for address in fetched:
        for candidate in address.split(","):
            assert candidate.strip().startswith("/"), f"{candidate} is not on our server"
    assert 'alt=""' in html and "Rally crowd" not in html  # the link's own text names it already
    assert 'data-video-player="https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1"' in html


def test_no_third_party_address_is_fetched_from_the_html():
    for url in (YOUTUBE_URL, "https://vimeo.com/76979871", "https://www.facebook.com/watch/?v=1234567890"):
        html = render(url=url)
        assert FETCHED_ADDRESSES.findall(html) == []
        assert "<iframe" not in html and "<script" not in html and "<img" not in html


def test_a_stored_address_that_no_longer_parses_still_renders_a_plain_link():
    html = render(url="https://example.org/old-video")
    assert '<a href="https://example.org/old-video" rel="nofollow noopener">Socialist Telly</a>' in html
    assert "data-video-player" not in html


@pytest.mark.django_db
def test_visitor_sees_the_placeholder_on_a_page(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        body=[("video", {"url": YOUTUBE_URL, "title": "Socialist Telly", "thumbnail": None, "caption": ""})],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-video-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
    assert "/static/website/js/video.js" in html
    assert_no_inline_code(html)
    policy = response["Content-Security-Policy"]
    players = "https://www.youtube-nocookie.com https://player.vimeo.com https://www.facebook.com"
    assert f"frame-src 'self' {players}" in policy
