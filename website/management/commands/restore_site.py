import tarfile
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from website.backup import DATABASE_FILE, load_database, restore_storage
from website.purge import forget_everything


class Command(BaseCommand):
    help = "Replaces this site's content and media with a backup_site archive. Everything here now is lost."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by backup_site.")
        parser.add_argument("--yes", action="store_true", help="Don't ask before replacing this site's content.")

    def handle(self, *args, archive, yes, **options):
        source = Path(archive)
        if not source.is_file():
            raise CommandError(f"There is no backup at {source}.")
        if not yes and input("This replaces every page, record and file on this site. Type 'yes': ") != "yes":
            raise CommandError("Nothing restored.")
        with tempfile.TemporaryDirectory() as work:
            try:
                with tarfile.open(source, "r:gz") as backup:
                    backup.extractall(work, filter="data")  # refuses absolute paths and ../ tricks
            except (tarfile.TarError, OSError) as error:
                raise CommandError(f"{source} is not a readable backup: {error}") from None
            dump = Path(work) / DATABASE_FILE
            if not dump.is_file():
                raise CommandError(f"{source} holds no {DATABASE_FILE}: is it a backup_site archive?")
            call_command("migrate", interactive=False, verbosity=0)
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                load_database(dump)
                # Every page may show something else now: no kept copy of one may be served.
                forget_everything()
            # Into the storages this site uses now, whichever they are (a disk, a bucket).
            media, private = restore_storage(work, "default"), restore_storage(work, "private")
        # Again, now that the pictures are back: a page kept meanwhile may lack them.
        forget_everything()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        restored = f"Restored the database, {media} media files and {private} private files from {source}."
        self.stdout.write(self.style.SUCCESS(restored))
