from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from petitions.keeping import keep_days, prune


class Command(BaseCommand):
    help = (
        "Keeps signatures only as long as needed: deletes those never confirmed within the sign-up's pending days, and "
        f"anonymises the rest once their petition is closed and its dates are {keep_days()} days past (the count "
        "stays). Run daily."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        deleted, anonymised = prune(settings.SIGNUP_PENDING_DAYS)
        self.stdout.write(f"Deleted {deleted} unconfirmed signatures; anonymised {anonymised} on finished petitions.")
