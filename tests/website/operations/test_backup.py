"""Backup and restore between two separate site instances, each its own database and media folder."""

import difflib
import json

import pytest

from tests.utils import USE_RENDITION_MEMO

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

ADD_IMAGE = """
from io import BytesIO
from django.core.files.images import ImageFile
from PIL import Image
from website.models import SiteImage, StandardPage
buffer = BytesIO()
Image.new('RGB', (40, 30), 'red').save(buffer, 'PNG')
image = SiteImage.objects.create(title='Rally photo', file=ImageFile(buffer, name='rally.png'))
page = StandardPage.objects.get(slug='get-involved')
page.listing_image = image
page.save_revision().publish()
"""


# One process makes the migrated database that instances copy (conftest.py).
pytestmark = pytest.mark.xdist_group("site-instances")


def test_a_backup_restored_into_a_new_instance_gives_the_same_site(site_instances, tmp_path):
    # The new instance is a new server's empty database: restore_site migrates it itself.
    original, fresh = site_instances("original"), site_instances("fresh", migrated=False)
    original("load_demo_content")
    original("shell", "-c", ADD_IMAGE)
    archive = tmp_path / "backup.tar.gz"
    media_files = sum(1 for path in (original.folder / "media").rglob("*") if path.is_file())
    assert media_files > 1, "the demo's logos and the added photo are there to back up"
    backed_up = original("backup_site", "--output", str(archive))
    assert f"Backed up the database, {media_files} media files and 0 private files" in backed_up

    assert f"Restored the database, {media_files} media files" in fresh("restore_site", str(archive), "--yes")

    before = json.loads(original("shell", "--no-imports", "-c", SNAPSHOT))
    after = json.loads(fresh("shell", "--no-imports", "-c", SNAPSHOT))
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
