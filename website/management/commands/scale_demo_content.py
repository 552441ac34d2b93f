"""Grows the demo site to the size a few years of use give it: each app adds its share (its AppConfig's
demo_scaler: 1,000 news items, 300 organisations, 1,000 posts).

For `make bench` and for trying the site at scale. Run `load_demo_content` first. Safe to repeat: it adds only
the items that are missing, so a second run changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from website.features import demo_scalers


class Command(BaseCommand):
    help = "Grows the demo site to a few years' size. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        today = timezone.localdate()
        with transaction.atomic():
            for _label, scaler in demo_scalers():
                scaler.scale(self.stdout.write, today)
        self.stdout.write(self.style.SUCCESS("The demo site is at full size."))
