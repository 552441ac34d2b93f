from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.tasks import REGISTRATION_CONFIRMATIONS
from signup.links import CONFIRMATION_LIFETIME
from signup.models import SupporterStatus
from signup.tasks import CONFIRMATIONS
from website.mail import send_unsent


class Command(BaseCommand):
    help = (
        "Sends the sign-up and event registration confirmations that could not be sent before "
        "(a mail server that was down, a worker that stopped). Each goes once, however many runs overlap. Run often."
    )

    def handle(self, *args, **options):
        # Give the first attempt a moment; past a link's lifetime a new e-mail would only confuse.
        now = timezone.now()
        unsent = CONFIRMATIONS.unsent().filter(email__isnull=False, created_at__lte=now - timedelta(minutes=1))
        unsent = unsent.exclude(status=SupporterStatus.UNSUBSCRIBED)
        unsent = unsent.filter(
            created_at__gte=now - CONFIRMATION_LIFETIME, status=SupporterStatus.PENDING
        ) | unsent.filter(pending_since__gte=now - CONFIRMATION_LIFETIME)
        self.stdout.write(send_unsent("Confirmation e-mails", CONFIRMATIONS, unsent))
        # Only for events still to come: a confirmation after the event would only confuse.
        self.stdout.write(
            send_unsent(
                "Registration e-mails",
                REGISTRATION_CONFIRMATIONS,
                REGISTRATION_CONFIRMATIONS.unsent().filter(
                    created_at__lte=now - timedelta(minutes=1), event__end__gt=now
                ),
            )
        )
