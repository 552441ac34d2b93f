from django import template
from django.utils import timezone

register = template.Library()


def clock(moment):
    """'2pm', '7:30pm': how a person in the UK says a time."""
    minutes = f":{moment:%M}" if moment.minute else ""
    return f"{moment.hour % 12 or 12}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day(moment):
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


@register.filter
def uk_time(moment):
    """'Saturday 6 March 2027 at 2pm', in UK time whatever the season."""
    moment = timezone.localtime(moment)
    return f"{day(moment)} at {clock(moment)}"


@register.filter
def event_when(event):
    """'Saturday 6 March 2027, 2pm to 4:30pm', or both days when it runs past midnight."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if start.date() == end.date():
        return f"{day(start)}, {clock(start)} to {clock(end)}"
    return f"{day(start)} at {clock(start)} to {day(end)} at {clock(end)}"
