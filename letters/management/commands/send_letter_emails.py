from django.core.management.base import BaseCommand

from letters.tasks import CONFIRMATIONS
from website.mail import send_unsent


class Command(BaseCommand):
    help = "Sends the signatories' confirmation e-mails a mail outage held back. Run every minute."

    def handle(self, *args, **options):
        self.stdout.write(send_unsent("Signatory confirmations", CONFIRMATIONS, CONFIRMATIONS.unsent()))
