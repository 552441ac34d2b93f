"""An event as an iCalendar file (RFC 5545) that calendar apps add with one click."""

import datetime

from django.utils import timezone

PRODUCT_ID = "-//Broad Left Network//Events//EN"
MAX_LINE_OCTETS = 75


def escape_text(value):
    """A TEXT value: backslashes, semicolons and commas escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """Lines longer than 75 octets continue on the next with a leading space, never splitting a character."""
    folded, current, size = [], "", 0
    for character in line:
        width = len(character.encode())
        if size + width > MAX_LINE_OCTETS:
            folded.append(current)
            current, size = " ", 1
        current += character
        size += width
    folded.append(current)
    return "\r\n".join(folded)


def event_calendar(event, url, host):
    description = event.listing_summary or ""
    speakers = [
        f"{speaker.name} ({speaker.description})" if speaker.description else speaker.name
        for speaker in event.speakers.all()
    ]
    if speakers:
        description = f"{description}\nSpeakers: {'; '.join(speakers)}".strip()
    if event.livestream_address:
        description = f"{description}\nLivestream: {event.livestream_address}".strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{utc_stamp(timezone.now())}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"LOCATION:{escape_text(event.location_text)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(f"{fold(line)}\r\n" for line in lines)
