from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from signup.models import Supporter, SupporterStatus


class Command(BaseCommand):
    help = (
        "Keeps supporter data only as long as needed: deletes sign-ups never confirmed within the set number of days, "
        "drops unconfirmed changes as old, and anonymises people who unsubscribed. Run daily."
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
        cutoff = timezone.now() - timedelta(days=pending_days)
        deleted, _ = Supporter.objects.filter(status=SupporterStatus.PENDING, created_at__lt=cutoff).delete()
        # A confirmed supporter's unconfirmed new details are held only as long as a new sign-up would be.
        dropped = Supporter.objects.filter(pending_since__lt=cutoff).update(pending_changes=None, pending_since=None)
        anonymised = Supporter.objects.filter(status=SupporterStatus.UNSUBSCRIBED, anonymised_at=None).update(
            name="",
            email=None,
            postcode="",
            membership="",
            interests=[],
            consent_text="",
            pending_changes=None,
            pending_since=None,
            anonymised_at=timezone.now(),
        )
        self.stdout.write(
            f"Deleted {deleted} unconfirmed sign-up{'s' if deleted != 1 else ''} older than {pending_days} days; "
            f"dropped {dropped} unconfirmed change{'s' if dropped != 1 else ''}; "
            f"anonymised {anonymised} unsubscribed supporter{'s' if anonymised != 1 else ''}."
        )
