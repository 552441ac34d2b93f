"""What a backup holds: the database as portable JSON, and every file of the public and the private storage, in one
.tar.gz that only its owner may read (it holds every supporter, password hash and two-step sign-in key)."""

import os
import tarfile
import tempfile
import time
from contextlib import contextmanager

from django.core.files.storage import storages
from django.core.serializers import json

# Derived or transient data, rebuilt after a restore instead of being carried over.
EXCLUDED_FROM_BACKUP = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "wagtailimages.rendition",
    "website.siterendition",
]
# Rows the target database makes afresh, under ids of its own: references to them are written as natural keys.
REMADE_MODELS = {("contenttypes", "contenttype"), ("auth", "permission")}
DATABASE_FILE = "database.json"
# The archive's folder for each storage (settings.STORAGES) whose files it carries.
STORAGE_FOLDERS = {"default": "media", "private": "private-media"}
SERIALISATION_FORMAT = "backup-json"


class Serializer(json.Serializer):
    """Django's JSON, with a natural key only for rows the target makes afresh (content types, permissions).

    Every other row keeps its id in the backup, so a reference to it is its id: also one that points at a row since
    deleted, which Wagtail keeps on purpose (the log of a deleted page) and a natural key could not look up.
    """

    def handle_fk_field(self, obj, field):
        target = field.related_model._meta
        if (target.app_label, target.model_name) in REMADE_MODELS:
            super().handle_fk_field(obj, field)
        else:
            self._current[field.name] = self._value_from_field(obj, field)


Deserializer = json.Deserializer


def storage_files(storage, folder=""):
    """Every file name in `storage`, whichever backend it is (a disk, a bucket), through its listdir."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        if folder:
            raise
        return  # a disk storage nothing was ever saved to has no folder yet
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from storage_files(storage, f"{folder}/{directory}" if folder else directory)


@contextmanager
def owner_only_file(path):
    """`path` opened for writing, readable by its owner alone from the first byte (0600), whatever was there."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        yield file


def add_storage(archive, alias):
    """Adds every file of the storage `alias` under its folder in the archive; returns how many."""
    storage, folder, count = storages[alias], STORAGE_FOLDERS[alias], 0
    for name in storage_files(storage):
        with storage.open(name, "rb") as source, tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024) as copy:
            # The size first, as tar needs it: a bucket's reported size is not always the bytes it sends.
            for chunk in iter(lambda: source.read(1024 * 1024), b""):
                copy.write(chunk)
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size, info.mtime, info.mode = copy.tell(), int(time.time()), 0o600
            copy.seek(0)
            archive.addfile(info, copy)
        count += 1
    return count


def restore_storage(extracted, alias):
    """Puts each file under the storage's folder of an extracted archive back under its own name; returns how many."""
    storage, root, count = storages[alias], os.path.join(extracted, STORAGE_FOLDERS[alias]), 0
    for directory, _folders, files in os.walk(root):
        for file_name in files:
            path = os.path.join(directory, file_name)
            name = os.path.relpath(path, root).replace(os.sep, "/")
            if storage.exists(name):
                storage.delete(name)  # else the storage would pick another name, and the database would miss it
            with open(path, "rb") as source:
                saved = storage.save(name, source)
            if saved != name:
                raise RuntimeError(f"The {alias} storage stored {name} as {saved}.")
            count += 1
    return count
