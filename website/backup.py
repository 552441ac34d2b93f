"""What a backup holds: the database as portable JSON, and every file of the public and the private storage, in one
.tar.gz that only its owner may read (it holds every supporter, password hash and two-step sign-in key)."""

import itertools
import os
import tarfile
import tempfile
import time
from contextlib import contextmanager

from django.core import serializers
from django.core.files.storage import storages
from django.core.management.color import no_style
from django.core.serializers import json
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

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

# Rows per INSERT when a backup is loaded: few queries, and a statement of bounded size.
LOAD_BATCH = 1000


def load_database(path, using=DEFAULT_DB_ALIAS):
    """Writes every row of a backup's database file into an emptied database; returns how many.

    loaddata saves one row at a time, trying an UPDATE before each INSERT: for the demo's 4,500 rows, 9,000 queries,
    and minutes for a site with a hundred thousand signatures. Here a model's rows go in together, a query per
    thousand, written raw as loaddata writes them (the values stored, never recomputed: a record keeps its dates).
    No save signals are sent, as loaddata's raw saves tell receivers to do nothing: restore_site rebuilds the search
    and reference indexes and starts the caches afresh itself.
    """
    connection = connections[using]
    models, deferred, count = set(), [], 0
    with open(path, encoding="utf-8") as file, connection.constraint_checks_disabled():
        rows = serializers.deserialize("json", file, using=using, handle_forward_references=True)
        for model, same_model in itertools.groupby(rows, key=lambda row: type(row.object)):
            # A child page type's own table only: its row in the parent's table is a row of its own in the file.
            fields = [field for field in model._meta.local_concrete_fields if not field.generated]
            while batch := list(itertools.islice(same_model, LOAD_BATCH)):
                objects = [row.object for row in batch]
                size = max(connection.ops.bulk_batch_size(fields, objects), 1)
                for start in range(0, len(objects), size):
                    try:
                        model._base_manager._insert(objects[start : start + size], fields=fields, raw=True, using=using)
                    except (DatabaseError, ValueError) as error:
                        # As loaddata says it: which rows would not go in (psycopg refuses NUL with a ValueError).
                        pks = f"{objects[start].pk}…{objects[min(start + size, len(objects)) - 1].pk}"
                        error.args = (f"Could not load {model._meta.label} (pk {pks}): {error}",)
                        raise
                for row in batch:
                    # Saved, as a save would leave them: related managers then write where the rows are.
                    row.object._state.db, row.object._state.adding = using, False
                    for accessor, related in (row.m2m_data or {}).items():
                        getattr(row.object, accessor).set(related)
                    if row.deferred_fields:
                        deferred.append(row)
                count += len(batch)
            models.add(model)
        for row in deferred:
            row.save_deferred_fields(using=using)
    connection.check_constraints(table_names=[model._meta.db_table for model in models])
    # Ids were written as they were: the next new row of each table must come after them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    return count


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
