"""The suite's rendition memo (tests/utils.py) hands back exactly what Wagtail would make, and only for the same
source, filter and focal point; what fails to encode is never kept."""

import io

import pytest
from django.core.cache import caches
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images.models import Filter
from willow.image import UnrecognisedImageFormatError

from tests.factories import ImageFactory
from tests.utils import RenditionMemo

pytestmark = pytest.mark.django_db


@pytest.fixture
def memo(tmp_path, root_collection):
    """A memo of its own, in front of the session's, so its counts are this test's. Wagtail's own cache of
    renditions (by image id) is emptied, so that it cannot answer for another test's image of the same id."""
    for each in caches.all():
        each.clear()
    memo = RenditionMemo(tmp_path / "renditions")
    memo.install()
    yield memo
    memo.uninstall()


def wagtails_own(image, spec):
    """The rendition's bytes as Wagtail and Pillow make them, past every memo."""
    run = Filter.run
    while hasattr(run, "original"):
        run = run.original
    output = io.BytesIO()
    made = run(Filter(spec=spec), image, output)
    return made.format_name, output.getvalue()


def rendition_bytes(image, spec):
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as file:
        return rendition, file.read()


def test_a_rendition_asked_for_again_is_the_bytes_wagtail_makes_without_encoding_again(memo):
    image = ImageFactory(file__width=640, file__height=480)
    first, made = rendition_bytes(image, "fill-120x80|format-avif")
    assert (memo.made, memo.reused) == (1, 0)
    first.delete()

    again, kept = rendition_bytes(image, "fill-120x80|format-avif")
    assert (memo.made, memo.reused) == (1, 1)
    assert kept == made == wagtails_own(image, "fill-120x80|format-avif")[1]
    assert again.file.name.endswith(".avif") and (again.width, again.height) == (120, 80)


def picture(name, width=640, height=480):
    """A picture whose every crop differs: a gradient, so that the bytes show which part was kept."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((width, height)).convert("RGB").save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def test_another_filter_focal_point_or_source_is_made_afresh(memo):
    image = ImageFactory(file=picture("gradient.png"))
    left = rendition_bytes(image, "fill-120x80|format-webp")[1]
    rendition_bytes(image, "fill-120x80|format-avif")
    assert (memo.made, memo.reused) == (2, 0)

    # A crop follows the focal point: the same filter, another part of the picture.
    image.renditions.all().delete()
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 320, 460, 10, 10
    image.save()
    moved = rendition_bytes(image, "fill-120x80|format-webp")[1]
    assert memo.made == 3 and moved != left and moved == wagtails_own(image, "fill-120x80|format-webp")[1]

    other = ImageFactory(file__width=640, file__height=480, file__color="green")
    rendition_bytes(other, "fill-120x80|format-webp")
    assert (memo.made, memo.reused) == (4, 0)


def test_a_file_that_fails_to_encode_is_not_kept(memo, tmp_path):
    image = ImageFactory()
    # The stored file is swapped for bytes no decoder reads, as a file damaged on disk would be.
    with image.file.open("wb") as file:
        file.write(b"not a picture at all")
    for _ in range(2):
        with pytest.raises(UnrecognisedImageFormatError):
            image.get_rendition("max-100x100")
    assert (memo.calls, memo.made, memo.reused) == (2, 0, 0)
    assert not list((tmp_path / "renditions").iterdir())


def test_a_picture_loaded_again_under_another_name_reuses_the_encoding(memo):
    # What the memo is for: a demo poster loaded again by another test is stored under another file name.
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "purple").save(buffer, "PNG")
    first, second = (ImageFactory(file=ImageFile(io.BytesIO(buffer.getvalue()), name=name)) for name in "ab")
    assert first.file.name != second.file.name
    made = rendition_bytes(first, "max-100x100|format-webp")[1]
    kept = rendition_bytes(second, "max-100x100|format-webp")[1]
    assert (memo.made, memo.reused) == (1, 1) and kept == made
