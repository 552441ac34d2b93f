import tarfile
import tempfile
from pathlib import Path

from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from website.backup import (
    DATABASE_FILE,
    EXCLUDED_FROM_BACKUP,
    SERIALISATION_FORMAT,
    STORAGE_FOLDERS,
    add_storage,
    owner_only_file,
)


class Command(BaseCommand):
    help = (
        "Writes the database and every file of the public and private storages to one .tar.gz (readable by its owner "
        "only) that restore_site brings back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Where to write the archive (default: backups/site-<time>.tar.gz).")

    def handle(self, *args, output=None, **options):
        target = Path(output or f"backups/site-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        serializers.register_serializer(SERIALISATION_FORMAT, "website.backup")
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / DATABASE_FILE
            call_command(
                "dumpdata",
                format=SERIALISATION_FORMAT,
                natural_foreign=True,
                exclude=EXCLUDED_FROM_BACKUP,
                output=str(dump),
                verbosity=0,
            )
            try:
                with owner_only_file(target) as file, tarfile.open(fileobj=file, mode="w:gz") as archive:
                    archive.add(dump, arcname=DATABASE_FILE)
                    counts = {alias: add_storage(archive, alias) for alias in STORAGE_FOLDERS}
            except BaseException:
                target.unlink(missing_ok=True)  # half an archive would pass for a backup
                raise
        size = target.stat().st_size / 1024 / 1024
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the database, {counts['default']} media files and {counts['private']} private files "
                f"to {target}"
            )
        )
        self.stdout.write(f"  {size:.1f} MB, readable only by you. Restore with: manage.py restore_site {target}")
