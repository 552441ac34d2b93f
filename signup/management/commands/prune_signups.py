from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from signup.retention import anonymise_unsubscribed, prune_unconfirmed


class Command(BaseCommand):
    help = (
        "Keeps supporter data only as long as needed: deletes sign-ups never confirmed within the set number of days, "
        "drops unconfirmed changes as old, and anonymises people who unsubscribed. `apply_retention` runs this and "
        "every other record's rules; this one is kept for the sign-ups alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending-days",
            type=int,
            default=settings.SIGNUP_PENDING_DAYS,
            help=f"Age in days after which unconfirmed sign-ups go (default {settings.SIGNUP_PENDING_DAYS}).",
        )

    @transaction.atomic
    def handle(self, *args, pending_days, **options):
        now = timezone.now()
        self.stdout.write(f"{prune_unconfirmed(now, pending_days)}; {anonymise_unsubscribed(now)}.")
