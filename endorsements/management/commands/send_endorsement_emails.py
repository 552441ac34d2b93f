from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from endorsements.models import EndorsementRequest, RequestStatus
from endorsements.tasks import notify_editors_of_request, tell_contact_of_decision

# Past this, editors have long found the request in the admin, and the contact a late decision by other means.
RETRY_WINDOW = timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Sends the e-mails about endorsement requests that could not be sent before (a mail server that was down): "
        "editors told of a new request, contacts told of the decision. Run often."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # Give the first attempt a moment.
        window = (now - RETRY_WINDOW, now - timedelta(minutes=1))
        requests = EndorsementRequest.objects
        self.retry(
            "Editors' e-mails",
            notify_editors_of_request,
            requests.filter(editors_told_at__isnull=True, status=RequestStatus.PENDING, submitted_at__range=window),
        )
        self.retry(
            "Decision e-mails",
            tell_contact_of_decision,
            requests.filter(contact_told_at__isnull=True, reviewed_at__range=window).exclude(
                status=RequestStatus.PENDING
            ),
        )

    def retry(self, what, email_task, unsent):
        retried = list(unsent.values_list("pk", flat=True))
        for request_id in retried:
            email_task.enqueue(request_id)
        self.stdout.write(f"{what}: {len(retried)} retried, {unsent.count()} still unsent (is the mail server down?).")
