import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from website.blocks.required import NamedRequiredMixin
from website.fragment_cache import CachedBlockMixin
from website.video_urls import UNSUPPORTED_MESSAGE, parse_video_url

UK = zoneinfo.ZoneInfo("Europe/London")
# A stream without an end time counts as live for this long after it starts.
DEFAULT_DURATION = datetime.timedelta(hours=2)

UPCOMING, LIVE, ENDED = "upcoming", "live", "ended"


def as_uk_time(value):
    """An aware datetime in UK time. Naive values (as a StreamField may store them) are read as UK wall-clock time."""
    if value is None:
        return None
    if timezone.is_naive(value):
        return value.replace(tzinfo=UK)
    return value.astimezone(UK)


def uk_time_label(value, now):
    """'Tuesday 1 December at 7:30pm', as a person in the UK says it; the year only when it is not this year's."""
    value = as_uk_time(value)
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    clock = f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"
    year = f" {value.year}" if value.year != as_uk_time(now).year else ""
    return f"{value:%A} {value.day} {value:%B}{year} at {clock}"


def stream_state(starts_at, ends_at, now):
    """Whether the stream is upcoming, live or ended at `now`."""
    starts_at = as_uk_time(starts_at)
    ends_at = as_uk_time(ends_at) or starts_at + DEFAULT_DURATION
    if now < starts_at:
        return UPCOMING
    if now < ends_at:
        return LIVE
    return ENDED


class LivestreamBlock(NamedRequiredMixin, CachedBlockMixin, blocks.StructBlock):
    """A scheduled livestream: when it starts before, the player during, the recording after."""

    title = blocks.CharBlock(
        max_length=150, help_text="What the stream is, such as 'Socialist Telly'. Also the player's accessible title."
    )
    url = blocks.URLBlock(
        max_length=500,
        label="Stream URL",
        help_text="The stream's address on YouTube (such as youtube.com/live/…), Vimeo or Facebook.",
    )
    starts_at = blocks.DateTimeBlock(help_text="When the stream starts, in UK time.")
    ends_at = blocks.DateTimeBlock(
        required=False,
        help_text="When it ends, in UK time. Leave blank and it counts as live for two hours after the start.",
    )
    notice = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="A short note for viewers before and during the stream, such as 'Slight delay: now 7:30pm'.",
    )
    recording_url = blocks.URLBlock(
        required=False,
        label="Recording URL",
        max_length=500,
        help_text="The recording's address, shown once the stream has ended. Often the same as the stream's.",
    )
    thumbnail = ImageChooserBlock(
        required=False, help_text="A picture for the player's placeholder, stored on our site. Optional."
    )

    # It goes live and ends by the clock.
    changes_with_clock = True

    class Meta:
        icon = "media"
        template = "blocks/livestream.html"
        label = "Livestream"
        description = "A scheduled stream: its start time before, the player during, the recording after."

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if parse_video_url(value.get("url")) is None:
            errors["url"] = ValidationError(UNSUPPORTED_MESSAGE)
        if value.get("recording_url") and parse_video_url(value.get("recording_url")) is None:
            errors["recording_url"] = ValidationError(UNSUPPORTED_MESSAGE)
        starts_at, ends_at = as_uk_time(value.get("starts_at")), as_uk_time(value.get("ends_at"))
        if starts_at and ends_at and ends_at <= starts_at:
            errors["ends_at"] = ValidationError("The end must come after the start.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        """The stream's state at this render: computed against the clock every time the block is rendered."""
        context = super().get_context(value, parent_context=parent_context)
        now = timezone.now()
        starts_at = as_uk_time(value.get("starts_at"))
        state = stream_state(starts_at, value.get("ends_at"), now)
        context.update(
            state=state,
            starts_at=starts_at,
            starts_at_label=uk_time_label(starts_at, now),
            stream=parse_video_url(value.get("url")),
            notice=value.get("notice", ""),
        )
        if state == LIVE:
            context["player"] = {
                "url": value.get("url"),
                "title": value.get("title"),
                "thumbnail": value.get("thumbnail"),
            }
            context["video"] = context["stream"]
        elif state == ENDED and value.get("recording_url"):
            context["player"] = {
                "url": value.get("recording_url"),
                "title": f"Recording: {value.get('title')}",
                "thumbnail": value.get("thumbnail"),
            }
            context["video"] = parse_video_url(value.get("recording_url"))
        return context
