from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from petitions.retention import RULES


class Command(BaseCommand):
    help = (
        "Keeps signatures only as long as needed (petitions/retention.py): the same rules `apply_retention` runs "
        "daily for every record."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        now = timezone.now()
        self.stdout.write("; ".join(rule.apply(now, rule.days) for rule in RULES).capitalize() + ".")
