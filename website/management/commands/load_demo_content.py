from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's demo loader, in the order their content depends on each other.
LOADERS = [
    "home.demo",
    "endorsements.demo",
    "website.livestream_demo",
    "campaigns.demo",
    "news.demo",
    "news.social_demo",
    "home.menu_demo",
]


class Command(BaseCommand):
    help = "Builds the demo site from the network's own words. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(message)

        for name in LOADERS:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Loading {name}"))
            with transaction.atomic():
                import_module(name).load(log)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
