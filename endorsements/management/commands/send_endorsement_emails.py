from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from endorsements.models import RequestStatus
from endorsements.tasks import DECISION_EMAILS, EDITORS_EMAILS
from website.mail import send_unsent

# Past this, editors have long found the request in the admin, and the contact a late decision by other means.
RETRY_WINDOW = timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Sends the e-mails about endorsement requests that could not be sent before (a mail server that was down): "
        "editors told of a new request, contacts told of the decision. Each goes once. Run often."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # Give the first attempt a moment.
        window = (now - RETRY_WINDOW, now - timedelta(minutes=1))
        self.stdout.write(
            send_unsent(
                "Editors' e-mails",
                EDITORS_EMAILS,
                EDITORS_EMAILS.unsent().filter(status=RequestStatus.PENDING, submitted_at__range=window),
            )
        )
        self.stdout.write(
            send_unsent(
                "Decision e-mails",
                DECISION_EMAILS,
                DECISION_EMAILS.unsent().filter(reviewed_at__range=window).exclude(status=RequestStatus.PENDING),
            )
        )
