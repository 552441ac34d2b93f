from django import template

register = template.Library()


@register.filter
def result_date(result):
    """The date a visitor would call this result's date: an event's start, a news item's date, else publication.

    Page types with a date of their own name it `search_result_date`.
    """
    return getattr(result, "search_result_date", None) or getattr(result, "first_published_at", None)


@register.filter
def result_kind(result):
    """What the result is, in the words of its page type or snippet ("Campaign page", "Organisation")."""
    return result._meta.verbose_name.capitalize()
