from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.signup.links import CONFIRMATION_LIFETIME
from campaigns.signup.models import Supporter, SupporterStatus
from campaigns.signup.tasks import send_confirmation


class Command(BaseCommand):
    help = "Sends the confirmation e-mails that could not be sent before (a mail server that was down). Run often."

    def handle(self, *args, **options):
        # Give the first attempt a moment; past a link's lifetime a new e-mail would only confuse.
        now = timezone.now()
        unsent = Supporter.objects.filter(
            confirmation_sent_at__isnull=True,
            email__isnull=False,
            created_at__lte=now - timedelta(minutes=1),
        ).exclude(status=SupporterStatus.UNSUBSCRIBED)
        unsent = unsent.filter(
            created_at__gte=now - CONFIRMATION_LIFETIME, status=SupporterStatus.PENDING
        ) | unsent.filter(pending_since__gte=now - CONFIRMATION_LIFETIME)
        retried = list(unsent.values_list("pk", flat=True))
        for supporter_id in retried:
            send_confirmation.enqueue(supporter_id)
        self.stdout.write(
            f"Confirmation e-mails: {len(retried)} retried, {unsent.count()} still unsent (is the mail server down?)."
        )
