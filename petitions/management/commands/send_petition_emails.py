from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from petitions.links import CONFIRMATION_LIFETIME
from petitions.tasks import CONFIRMATIONS
from website.mail import send_unsent


class Command(BaseCommand):
    help = (
        "Sends the petition signature confirmations that could not be sent before (a mail server that was down, a "
        "worker that stopped). Each goes once, however many runs overlap. Run often."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # Give the first attempt a moment; past a link's lifetime a new e-mail would only confuse.
        unsent = CONFIRMATIONS.unsent().filter(
            email__isnull=False,
            confirmed_at__isnull=True,
            created_at__lte=now - timedelta(minutes=1),
            created_at__gte=now - CONFIRMATION_LIFETIME,
        )
        self.stdout.write(send_unsent("Signature confirmations", CONFIRMATIONS, unsent))
