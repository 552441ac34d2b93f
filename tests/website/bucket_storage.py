"""Settings for a site whose public media live in a bucket-like storage (as with AWS_STORAGE_BUCKET_NAME): files
that are not under MEDIA_ROOT and have no local path, only the storage's API. The bucket is a folder named by
STUB_BUCKET, so that a test's separate processes share it."""

import os

from django.core.files.storage import FileSystemStorage, Storage

from website.settings.dev import *  # noqa: F403
from website.settings.dev import STORAGES


class BucketLikeStorage(Storage):
    """Like S3Storage: open, save, exists, delete, listdir and a URL elsewhere, but no path on this machine."""

    def __init__(self, **kwargs):
        self.bucket = FileSystemStorage(location=os.environ["STUB_BUCKET"])

    def _open(self, name, mode="rb"):
        return self.bucket._open(name, mode)

    def _save(self, name, content):
        return self.bucket._save(name, content)

    def delete(self, name):
        self.bucket.delete(name)

    def exists(self, name):
        return self.bucket.exists(name)

    def listdir(self, path):
        return self.bucket.listdir(path)

    def size(self, name):
        return self.bucket.size(name)

    def url(self, name):
        return f"https://bucket.example/{name}"


STORAGES = {**STORAGES, "default": {"BACKEND": "tests.website.bucket_storage.BucketLikeStorage"}}
