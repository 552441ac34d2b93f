"""backup_site then restore_site, from a lived-in site into a new server's empty database: pages deleted (their log
kept), private pages and collections, people's records, media in a bucket-like storage and the private uploads.
Every model's rows and every file come back, visitors see the same pages, and the archive is readable by its owner
only. One round trip serves every test here: each instance is a database and processes of its own."""

import difflib
import json
import stat

import pytest

from tests.utils import USE_RENDITION_MEMO

# Run in the original site after the demo content: one of everything a backup must carry.
LIVED_IN = """
from io import BytesIO
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from endorsements.logos import png_logo
from endorsements.models import EndorsementRequest
from website.models import SiteImage, StandardPage

def model(name):
    return next(found for found in apps.get_models() if found.__name__ == name)

home = Page.objects.get(depth=2)
# A page published (so logged) and then deleted: its log entries keep pointing at it.
short_lived = StandardPage(title="Short-lived", slug="short-lived")
home.add_child(instance=short_lived)
short_lived.save_revision(log_action=True).publish()
short_lived.delete()
Page.objects.filter(depth=3).exclude(slug="get-involved").order_by("-path").first().specific.delete()
# Private pages: one behind a password, one for a group.
private = StandardPage(title="Organisers' corner", slug="organisers-corner")
home.add_child(instance=private)
private.save_revision().publish()
PageViewRestriction.objects.create(page=private, restriction_type="password", password="solidarity")
restriction = PageViewRestriction.objects.create(page=Page.objects.get(slug="get-involved"), restriction_type="groups")
restriction.groups.add(Group.objects.get(name="Moderators"))
# A private collection's document (in the private storage, as every document is) and an image (in the bucket).
collection = Collection.get_first_root_node().add_child(name="Organisers only")
CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
minutes = ContentFile(b"minutes", name="minutes.txt")
get_document_model().objects.create(title="Minutes", collection=collection, file=minutes)
buffer = BytesIO()
Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
photo = SiteImage.objects.create(title="Rally photo", file=ImageFile(buffer, name="rally.png"))
# The picture on a published page, so that the pages compared show a file the restore brought back.
get_involved = StandardPage.objects.get(slug="get-involved")
get_involved.listing_image = photo
get_involved.save_revision().publish()
Redirect.objects.create(old_path="/old-campaign", redirect_link="/campaigns/")
# People: an editor with two-step sign-in, a supporter, a registration, a request with its (private) logo.
editor = User.objects.create_user("editor", "editor@example.org", "a-long-enough-password")
editor.groups.add(Group.objects.get(name="Moderators"))
TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
model("Supporter").objects.create(name="Rosa", email="rosa@example.org", data_consent=True)
event = model("EventPage").objects.first()
model("Registration").objects.create(event=event, name="Sam", email="sam@example.org")
EndorsementRequest.objects.create(
    name="Leeds Branch", kind="union_branch", contact_name="Sam", contact_email="sam@example.org",
    logo=ContentFile(png_logo("Leeds Branch", "#b0001e"), name="leeds.png"),
)
"""

# What must come back: each model's row count, and every file in each storage (by its own listing, with contents).
INVENTORY = """
import hashlib, json, os
from django.apps import apps
from django.core.files.storage import storages
from website.backup import EXCLUDED_FROM_BACKUP

def kept(model):
    meta = model._meta
    return meta.app_label not in EXCLUDED_FROM_BACKUP and meta.label_lower not in EXCLUDED_FROM_BACKUP

def files(root):
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            with open(os.path.join(folder, name), "rb") as file:
                found[os.path.relpath(os.path.join(folder, name), root)] = hashlib.sha256(file.read()).hexdigest()
    return found

rows = {model._meta.label_lower: model._base_manager.count() for model in apps.get_models() if kept(model)}
print(json.dumps({
    "rows": rows,
    "bucket": files(os.environ["STUB_BUCKET"]),
    "private": files(storages["private"].location),
    "media_root": files(os.environ["MEDIA_ROOT"]),
    "dangling_log": apps.get_model("wagtailcore", "PageLogEntry").objects.exclude(
        page_id__in=apps.get_model("wagtailcore", "Page").objects.values("pk")
    ).count(),
    # Values as stored, not made afresh (a record's date), and many-to-many rows (an editor's groups).
    "registered_at": [str(at)[:23] for at in apps.get_model("campaigns", "Registration").objects.values_list(
        "created_at", flat=True
    )],
    "editor_groups": list(apps.get_model("auth", "User").objects.get(username="editor").groups.values_list(
        "name", flat=True
    )),
}))
"""

# After a restore the site goes on: a new record and a new page get ids of their own.
GOES_ON = """
from django.apps import apps
from wagtail.models import Page
from website.models import StandardPage
Registration = apps.get_model("campaigns", "Registration")
event = apps.get_model("campaigns", "EventPage").objects.first()
Registration.objects.create(event=event, name="Ali", email="ali@example.org")
Page.objects.get(depth=2).add_child(instance=StandardPage(title="After the restore", slug="after-the-restore"))
print(Registration.objects.count(), Page.objects.filter(slug="after-the-restore").count())
"""


# Prints what a visitor would see of the site: every page, its content and the files behind its images.
SNAPSHOT = (
    USE_RENDITION_MEMO
    + """
import json
import re
from django.test import Client
from wagtail.models import Page
from website.models import SiteImage, SiteSettings
def body(page):
    return list(page.body.raw_data) if hasattr(page, 'body') else None
pages = [
    [page.url_path, page.title, page.live, type(page).__name__, body(page)]
    for page in Page.objects.order_by('path').specific()
]
images = [[i.title, i.file.name, i.file.storage.exists(i.file.name)] for i in SiteImage.objects.all()]
settings = SiteSettings.objects.values('site_name', 'imprint').get()
home = Client(HTTP_HOST='127.0.0.1').get('/').status_code
# Each live page as a visitor gets it, but for the per-visit CSRF token and the sub-second digits of times,
# which Django's JSON serialiser keeps only to the millisecond.
def as_seen(page):
    html = Client(HTTP_HOST='127.0.0.1').get(page.url).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', '', html)
    return re.sub(r'(T[0-9:]{8})[.][0-9]+', r'\\1', html)
rendered = {page.url: as_seen(page) for page in Page.objects.live().filter(depth__gt=1)}
print(json.dumps({'pages': pages, 'images': images, 'settings': settings, 'home': home, 'rendered': rendered}))
"""
)


# One process makes the migrated database that instances copy (conftest.py).
pytestmark = pytest.mark.xdist_group("site-instances")


@pytest.fixture(scope="module")
def round_trip(site_instances):
    """The lived-in original, its archive (written over a world-readable file, under a permissive umask), and the
    fresh instance it was restored into: what each holds and shows."""
    settings = "tests.website.bucket_storage"
    # The new instance is a new server's empty database: restore_site migrates it itself.
    original, fresh = site_instances("original", settings), site_instances("fresh", settings, migrated=False)
    original("load_demo_content")
    original("shell", "--no-imports", "-c", LIVED_IN)
    archive = original.folder / "site.tar.gz"
    archive.write_bytes(b"an old backup")
    archive.chmod(0o644)
    backed_up = original("backup_site", "--output", str(archive), umask=0)
    restored = fresh("restore_site", str(archive), "--yes")
    # One process per instance (each start costs seconds): the inventory first, before the snapshot's visits can
    # add renditions to the bucket.
    before, seen_before = map(json.loads, original("shell", "--no-imports", "-c", INVENTORY + SNAPSHOT).splitlines())
    after, seen_after = map(json.loads, fresh("shell", "--no-imports", "-c", INVENTORY + SNAPSHOT).splitlines())
    goes_on = fresh("shell", "--no-imports", "-c", GOES_ON)  # last: it adds to what the others compare
    return {
        "archive": archive,
        "backed_up": backed_up,
        "restored": restored,
        "before": before,
        "after": after,
        "seen_before": seen_before,
        "seen_after": seen_after,
        "goes_on": goes_on,
    }


def test_the_site_backed_up_has_deleted_pages_private_pages_and_media_only_in_the_bucket(round_trip):
    before = round_trip["before"]
    assert before["dangling_log"] > 0, "log entries of deleted pages (what made dumpdata fail)"
    assert before["rows"]["wagtailcore.pageviewrestriction"] == 2
    assert before["rows"]["wagtailcore.collectionviewrestriction"] == 1
    assert before["media_root"] == {}, "the media are in the bucket, not under MEDIA_ROOT"
    # The private storage holds the request's logo and the document.
    assert len(before["bucket"]) > 5 and len(before["private"]) == 2
    assert not any(name.startswith("documents/") for name in before["bucket"])


def test_every_models_rows_come_back(round_trip):
    before, after = round_trip["before"]["rows"], round_trip["after"]["rows"]
    differences = {label: (count, after.get(label)) for label, count in before.items() if after.get(label) != count}
    assert differences == {}
    assert round_trip["after"]["dangling_log"] == round_trip["before"]["dangling_log"]
    for label in ("otp_totp.totpdevice", "endorsements.endorsementrequest", "campaigns.registration"):
        assert after[label] == 1, label
    assert sum(count for label, count in after.items() if label.endswith(".supporter")) == 1
    for kept in ("registered_at", "editor_groups"):
        assert round_trip["after"][kept] == round_trip["before"][kept] != [], kept


def test_the_restored_site_takes_new_records_and_pages(round_trip):
    assert round_trip["goes_on"].split() == ["2", "1"]


def test_every_file_of_the_bucket_and_the_private_storage_comes_back(round_trip):
    before, after = round_trip["before"], round_trip["after"]
    assert after["bucket"] == before["bucket"]
    assert after["private"] == before["private"]
    assert after["media_root"] == {}
    files = len(before["bucket"])
    assert f"Backed up the database, {files} media files and 2 private files" in round_trip["backed_up"]
    assert f"Restored the database, {files} media files and 2 private files" in round_trip["restored"]


def test_the_archive_is_readable_by_its_owner_only(round_trip):
    assert stat.S_IMODE(round_trip["archive"].stat().st_mode) == 0o600


def test_visitors_see_the_same_pages_after_the_restore(round_trip):
    before, after = dict(round_trip["seen_before"]), dict(round_trip["seen_after"])
    rendered_before, rendered_after = before.pop("rendered"), after.pop("rendered")
    assert after == before
    for url, html in rendered_before.items():
        difference = "\n".join(
            difflib.unified_diff(html.splitlines(), rendered_after.get(url, "").splitlines(), lineterm="")
        )
        assert not difference, f"{url} differs after the restore:\n{difference[:3000]}"
    assert before["images"][0][2] is True  # the image file itself came back, not just its record
    assert after["home"] == 200
    assert len(rendered_before) > 5


def test_restore_refuses_something_that_is_not_a_backup(site_instances, tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    result = site_instances("bogus", migrated=False).run("restore_site", str(bogus), "--yes")
    assert result.returncode != 0
    assert "is not a readable backup" in result.stderr
    assert "Traceback" not in result.stderr
