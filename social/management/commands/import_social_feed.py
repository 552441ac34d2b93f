from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from social.importer import FeedError, import_feed
from social.models import HANDLE, Platform


def positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Adds the posts of an RSS or Atom feed (an address or a file), such as a Mastodon account's, to the social "
        "feed. Posts already there are left alone, so it is safe to run from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The feed's http(s) address, or the path of a saved feed file.")
        parser.add_argument("--platform", required=True, choices=Platform.values, help="Where the posts appeared.")
        parser.add_argument("--account", default="", help="The account's name (default: the feed's title).")
        parser.add_argument("--handle", default="", help="The account's handle, such as @broadleft@mastodon.social.")
        parser.add_argument("--limit", type=positive, help="Import at most this many of the newest entries.")

    def handle(self, *args, source, platform, account, handle, limit, **options):
        try:
            if handle:
                HANDLE(handle)
        except ValidationError as error:
            raise CommandError(f"--handle {handle}: {error.messages[0]}") from error
        if len(account) > 100:
            raise CommandError("--account: at most 100 characters.")
        try:
            new, existing, skipped = import_feed(
                source, platform, account.strip(), handle, limit, log=lambda line: self.stdout.write(line)
            )
        except FeedError as error:
            raise CommandError(str(error)) from error
        summary = f"{new} new post{'' if new == 1 else 's'}, {existing} already there"
        if skipped:
            summary += f", {skipped} skipped"
        self.stdout.write(self.style.SUCCESS(f"{summary}."))
