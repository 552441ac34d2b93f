import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from website.backup import DATABASE_FILE, EXCLUDED_FROM_BACKUP, MEDIA_FOLDER


class Command(BaseCommand):
    help = "Writes the database and the media files to one .tar.gz that restore_site brings back."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Where to write the archive (default: backups/site-<time>.tar.gz).")

    def handle(self, *args, output=None, **options):
        target = Path(output or f"backups/site-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        target.parent.mkdir(parents=True, exist_ok=True)
        media_root = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / DATABASE_FILE
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=EXCLUDED_FROM_BACKUP,
                output=str(dump),
                verbosity=0,
            )
            media_files = [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []
            with tarfile.open(target, "w:gz") as archive:
                archive.add(dump, arcname=DATABASE_FILE)
                for path in media_files:
                    archive.add(path, arcname=f"{MEDIA_FOLDER}/{path.relative_to(media_root)}")
        size = target.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Backed up the database and {len(media_files)} media files to {target}"))
        self.stdout.write(f"  {size:.1f} MB. Restore with: manage.py restore_site {target}")
