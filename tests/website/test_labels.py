"""Every label an editor reads is written as a person would write it: "URL", not "Url" or "url"; "MPs", not "Mps".

Walks every field of our models (pages, snippets, settings, the records editors review), every block of every
StreamField, and every column of the admin's listings."""

import re

import pytest
from django.apps import apps
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField

OUR_APPS = {"website", "home", "campaigns", "news", "endorsements", "search", "signup", "social", "petitions"}
# Words with one right spelling whatever their place in a label.
SPELLINGS = {
    word.lower(): word
    for word in ["URL", "URLs", "ID", "MPs", "MP", "UK", "BSL", "RSS", "SVG", "PDF", "NHS", "TUC", "ICS", "QR"]
}
WORD = re.compile(r"[A-Za-z]+")


def misspelt(label):
    """The words in `label` that are spelt other than their one right way."""
    return [word for word in WORD.findall(str(label)) if word.lower() in SPELLINGS and word != SPELLINGS[word.lower()]]


def our_models():
    return [model for model in apps.get_models() if model._meta.app_label in OUR_APPS]


def block_labels(block, path):
    """(where, label) for `block` and every block inside it."""
    yield path, block.label
    children = getattr(block, "child_blocks", None) or {}
    for name, child in children.items():
        yield from block_labels(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from block_labels(block.child_block, f"{path}.item")


def editor_labels():
    """(where, label) for every field and block label an editor meets in the admin's forms."""
    for model in our_models():
        for field in model._meta.get_fields():
            if getattr(field, "editable", False) and not field.auto_created and hasattr(field, "verbose_name"):
                yield f"{model.__name__}.{field.name}", capfirst(field.verbose_name)
            if isinstance(field, StreamField):
                for name, child in field.stream_block.child_blocks.items():
                    yield from block_labels(child, f"{model.__name__}.{field.name}.{name}")


def test_the_walk_finds_the_labels_it_should_check():
    """The walk reaches model fields and nested blocks alike, so the test below cannot pass by finding nothing."""
    places = dict(editor_labels())
    assert "EventPage.livestream_url" in places
    assert any(place.endswith(".recording_url") for place in places)
    assert misspelt("Livestream url") == ["url"] and misspelt("Url") == ["Url"] and misspelt("Groups of mps") == ["mps"]
    assert misspelt("Livestream URL") == [] and misspelt("Curly") == []


@pytest.mark.parametrize("where, label", list(editor_labels()), ids=lambda value: str(value))
def test_every_label_an_editor_reads_spells_its_abbreviations_right(where, label):
    assert not misspelt(label), f"{where} is labelled {label!r}"
