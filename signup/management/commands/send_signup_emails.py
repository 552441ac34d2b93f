from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.models import Registration
from campaigns.tasks import send_registration_confirmation
from signup.links import CONFIRMATION_LIFETIME
from signup.models import Supporter, SupporterStatus
from signup.tasks import send_confirmation


class Command(BaseCommand):
    help = (
        "Sends the sign-up and event registration confirmations that could not be sent before "
        "(a mail server that was down). Run often."
    )

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
        self.retry_registrations(now)

    def retry_registrations(self, now):
        # Only for events still to come: a confirmation after the event would only confuse.
        unsent = Registration.objects.filter(
            confirmation_sent_at__isnull=True, created_at__lte=now - timedelta(minutes=1), event__end__gt=now
        )
        retried = 0
        for registration in unsent.select_related("event"):
            event = registration.event
            page_url = event.get_full_url()
            send_registration_confirmation.enqueue(
                registration.pk,
                page_url + event.reverse_subpage("registered", args=[registration.token]),
                page_url + event.reverse_subpage("calendar"),
            )
            retried += 1
        self.stdout.write(
            f"Registration e-mails: {retried} retried, {unsent.count()} still unsent (is the mail server down?)."
        )
