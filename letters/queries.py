"""What an open letter's page lists, each in a fixed number of queries however many have signed."""

from django.core.paginator import Paginator

from endorsements.grouping import organisation_groups
from letters.choices import SignatoryStatus

# Names a page of the letter lists: a letter signed by a hundred thousand people stays a page a phone can load, and
# its work the same whatever the number (a count and one page of names).
SIGNATORIES_PER_PAGE = 500


def approved_signatories(letter, page_number=None):
    """One page of the people a moderator approved, in the order they confirmed (a Paginator's page: two queries,
    the count and the page, only what the page shows)."""
    people = (
        letter.signatories.filter(status=SignatoryStatus.APPROVED)
        .order_by("confirmed_at", "pk")
        .only("letter", "name", "role", "organisation")
    )
    return Paginator(people, SIGNATORIES_PER_PAGE).get_page(page_number)


def organisation_signatories(letter):
    """The co-signing organisations, grouped by kind as a campaign's backers are."""
    links = letter._meta.get_field("organisation_signatories").related_model
    return organisation_groups(links.objects.filter(page=letter))


def letter_context(letter, page_number=None):
    people = approved_signatories(letter, page_number)
    return {"organisation_groups": organisation_signatories(letter), "signatories": people}
