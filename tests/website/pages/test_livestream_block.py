"""The livestream block before, during and after the stream, in UK time across the clock changes."""

import datetime
from unittest import mock

import pytest
from wagtail.blocks import StructBlockValidationError

from home.livestream_demo import next_slot
from tests.utils import assert_no_inline_code
from website.blocks import LivestreamBlock, VideoBlock
from website.blocks.livestream import LIVE, UK, as_uk_time, stream_state, uk_time_label
from website.video_urls import UNSUPPORTED_MESSAGE

UTC = datetime.UTC
STREAM_URL = "https://www.youtube.com/live/dQw4w9WgXcQ"
RECORDING_URL = "https://youtu.be/aaaaaaaaaaa"
NOTICE = "Slight delay: now 7:30pm"


def at(*args):
    """A moment in UTC, unambiguous whatever the clocks in the UK say."""
    return datetime.datetime(*args, tzinfo=UTC)


def value(**fields):
    raw = {
        "title": "Socialist Telly",
        "url": STREAM_URL,
        "starts_at": "2026-12-01T19:30:00",
        "ends_at": "2026-12-01T21:00:00",
        "notice": NOTICE,
        "recording_url": "",
        "thumbnail": None,
        **fields,
    }
    return LivestreamBlock().to_python(raw)


def render_at(now, **fields):
    with mock.patch("django.utils.timezone.now", return_value=now):
        html = LivestreamBlock().render(value(**fields))
    assert_no_inline_code(html)
    return html


def test_naive_times_are_uk_wall_clock_time_on_either_side_of_the_spring_clock_change():
    # Clocks go forward at 01:00 UTC on 29 March 2026.
    assert as_uk_time(datetime.datetime(2026, 3, 28, 19, 30)) == at(2026, 3, 28, 19, 30)
    assert as_uk_time(datetime.datetime(2026, 3, 29, 19, 30)) == at(2026, 3, 29, 18, 30)


def test_naive_times_are_uk_wall_clock_time_on_either_side_of_the_autumn_clock_change():
    # Clocks go back at 01:00 UTC on 25 October 2026.
    assert as_uk_time(datetime.datetime(2026, 10, 24, 19, 30)) == at(2026, 10, 24, 18, 30)
    assert as_uk_time(datetime.datetime(2026, 10, 25, 19, 30)) == at(2026, 10, 25, 19, 30)


def test_aware_times_keep_their_moment():
    admin_saved = datetime.datetime.fromisoformat("2026-03-29T19:30:00+01:00")
    assert as_uk_time(admin_saved) == at(2026, 3, 29, 18, 30)
    assert as_uk_time(admin_saved).tzinfo == UK


def test_times_read_as_people_in_the_uk_say_them():
    now = at(2026, 3, 1, 12)
    assert uk_time_label(datetime.datetime(2026, 3, 29, 19, 30), now) == "Sunday 29 March at 7:30pm"
    assert uk_time_label(datetime.datetime(2026, 3, 29, 19, 0), now) == "Sunday 29 March at 7pm"
    assert uk_time_label(datetime.datetime(2026, 3, 29, 0, 15), now) == "Sunday 29 March at 12:15am"
    assert uk_time_label(datetime.datetime(2026, 3, 29, 12, 0), now) == "Sunday 29 March at 12pm"
    assert uk_time_label(datetime.datetime(2027, 1, 5, 9, 0), now) == "Tuesday 5 January 2027 at 9am"


def test_before_the_start_it_says_when_and_shows_the_notice():
    html = render_at(at(2026, 12, 1, 18, 0))
    assert "Starts" in html and "Tuesday 1 December at 7:30pm" in html
    assert '<time datetime="2026-12-01T19:30:00+00:00" data-countdown>' in html
    assert NOTICE in html
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a>' in html
    assert "data-video-player" not in html and "Live now" not in html


def test_during_the_stream_it_shows_the_player_placeholder():
    html = render_at(at(2026, 12, 1, 19, 30))
    assert "Live now" in html
    assert NOTICE in html
    assert 'data-video-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"' in html
    assert 'data-video-title="Socialist Telly"' in html
    assert "<iframe" not in html


def test_after_the_stream_it_shows_the_recording_when_there_is_one():
    html = render_at(at(2026, 12, 1, 21, 0), recording_url=RECORDING_URL)
    assert "This stream has ended. Watch the recording below." in html
    assert 'data-video-player="https://www.youtube-nocookie.com/embed/aaaaaaaaaaa' in html
    assert 'data-video-title="Recording: Socialist Telly"' in html
    assert NOTICE not in html
    assert "dQw4w9WgXcQ" not in html


def test_after_the_stream_without_a_recording_it_says_it_has_ended():
    html = render_at(at(2026, 12, 2, 9, 0))
    assert "This stream has ended." in html
    assert "data-video-player" not in html and NOTICE not in html and "Watch on YouTube" not in html


def test_a_stream_without_an_end_counts_as_live_for_two_hours():
    starts_at = datetime.datetime(2026, 12, 1, 19, 30)
    assert stream_state(starts_at, None, at(2026, 12, 1, 21, 29)) == LIVE
    assert "This stream has ended." in render_at(at(2026, 12, 1, 21, 30), ends_at=None)


def test_the_spring_clock_change_moves_the_start_by_an_hour_in_utc():
    # 7:30pm on 29 March 2026 is 18:30 UTC: at 18:45 UTC the stream is live, not an hour away.
    fields = {"starts_at": "2026-03-29T19:30:00", "ends_at": "2026-03-29T21:00:00"}
    assert "Live now" in render_at(at(2026, 3, 29, 18, 45), **fields)
    upcoming = render_at(at(2026, 3, 29, 18, 15), **fields)
    assert "Sunday 29 March at 7:30pm" in upcoming
    assert '<time datetime="2026-03-29T19:30:00+01:00"' in upcoming


def test_the_autumn_clock_change_moves_the_start_by_an_hour_the_other_way():
    # 7:30pm on 25 October 2026 is 19:30 UTC: at 18:45 UTC it has not started.
    fields = {"starts_at": "2026-10-25T19:30:00", "ends_at": "2026-10-25T21:00:00"}
    assert "Sunday 25 October at 7:30pm" in render_at(at(2026, 10, 25, 18, 45), **fields)
    assert "Live now" in render_at(at(2026, 10, 25, 19, 45), **fields)


def block_errors(**fields):
    block = LivestreamBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value(**fields))
    return {name: errors.messages for name, errors in error.value.block_errors.items()}


def test_editors_get_clear_messages():
    assert block_errors(url="https://example.org/stream") == {"url": [UNSUPPORTED_MESSAGE]}
    assert block_errors(recording_url="https://example.org/recording") == {"recording_url": [UNSUPPORTED_MESSAGE]}
    assert block_errors(ends_at="2026-12-01T19:00:00") == {"ends_at": ["The end must come after the start."]}


def test_a_valid_stream_is_accepted():
    cleaned = LivestreamBlock().clean(value(recording_url=RECORDING_URL, ends_at=None))
    assert cleaned["recording_url"] == RECORDING_URL


def test_the_demo_stream_is_the_next_half_past_seven_in_the_uk():
    # 29 March 2026 is the first day of summer time: 7:30pm is 18:30 UTC.
    assert next_slot(at(2026, 3, 29, 18, 0)) == datetime.datetime(2026, 3, 29, 19, 30)
    assert next_slot(at(2026, 3, 29, 18, 30)) == datetime.datetime(2026, 3, 30, 19, 30)


@pytest.mark.parametrize("block", [LivestreamBlock(), VideoBlock()], ids=["livestream", "video"])
def test_every_field_explains_itself_to_editors(block):
    # A field block keeps its help text on its form field.
    missing = [name for name, child in block.child_blocks.items() if not child.field.help_text]
    assert not missing
