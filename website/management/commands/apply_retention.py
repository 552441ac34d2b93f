from django.core.management.base import BaseCommand

from website.personal_data import apply_retention, retention_rules


class Command(BaseCommand):
    help = (
        "Keeps personal data only as long as docs/privacy.md says: runs every record kind's retention rules "
        "(unconfirmed sign-ups, unsubscribed supporters, registrations after their event, declined endorsement "
        "requests, and any kind registered later). Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Only say what the rules are, and change nothing.")

    def handle(self, *args, list=False, **options):  # noqa: A002 - the option's name
        if list:
            for entry, rule in retention_rules():
                self.stdout.write(f"{entry.name}: {rule.describe()}")
            return
        for entry, done in apply_retention():
            self.stdout.write(f"{entry.name}: {done}.")
