"""Every label an editor reads is written as a person would write it: "URL", not "Url" or "url"; "MPs", not "Mps".

Walks every field of our models (pages, snippets, settings, the records editors review), every block of every
StreamField, and every column of the admin's listings."""

import pytest
from django.utils.text import capfirst

from tests.utils import editor_fields_and_blocks
from tests.website.utils import misspelt


def editor_labels():
    """(where, label) for every field and block label an editor meets in the admin's forms."""
    for where, _model, field_or_block in editor_fields_and_blocks():
        yield where, capfirst(getattr(field_or_block, "verbose_name", None) or field_or_block.label)


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
