from django.core.management.base import BaseCommand
from django.db import transaction

from website.features import demo_loaders


class Command(BaseCommand):
    help = "Builds the demo site from the network's own words. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(message)

        # Each app's own loader (its AppConfig's demo_loader), in the order their content depends on each other.
        for label, loader in demo_loaders():
            self.stdout.write(self.style.MIGRATE_HEADING(f"Loading {label}"))
            with transaction.atomic():
                loader.load(log)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
