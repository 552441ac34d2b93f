"""What an open letter's page lists, each in a fixed number of queries however many have signed."""

from endorsements.grouping import organisation_groups
from letters.choices import SignatoryStatus


def approved_signatories(letter):
    """The people a moderator approved, in the order they confirmed: one query, only what the page shows."""
    return list(
        letter.signatories.filter(status=SignatoryStatus.APPROVED)
        .order_by("confirmed_at", "pk")
        .only("letter", "name", "role", "organisation")
    )


def organisation_signatories(letter):
    """The co-signing organisations, grouped by kind as a campaign's backers are."""
    links = letter._meta.get_field("organisation_signatories").related_model
    return organisation_groups(links.objects.filter(page=letter))


def letter_context(letter):
    people = approved_signatories(letter)
    return {"organisation_groups": organisation_signatories(letter), "signatories": people}
