"""Page slugs that read well in an address, whatever the title: "🔥 Recall conference: 👇 sign now ❌" gets
`recall-conference-sign-now`, and a title of emoji alone still gets a slug (`fire-cross-mark`).

Wagtail's admin makes the slug from the title in the browser (its `w-slug` controller's urlify). That dropped the emoji
but kept the space after it, so the slug began with a hyphen. Wagtail lets a SlugInput carry formatters, run on the
title before urlify; ours drop symbols and trim what is left. The server then cleans every slug again on save (a page
made without the admin, or with JavaScript off) and fills in one the title could not give.
"""

import json
import unicodedata

from django.utils.text import slugify

# Each formatter is [[pattern, flags], replacement], JavaScript regular expressions (Unicode property escapes, which
# Python's `re` cannot compile, hence written out rather than built by Wagtail's get_js_regex).
BROWSER_FORMATTERS = [
    # Emoji, symbols and punctuation go; letters (any alphabet), digits, spaces and hyphens stay.
    [["[^\\p{L}\\p{N}\\s_-]", "gu"], ""],
    # What they leave at either end would become a leading or trailing hyphen.
    [["^[\\s_-]+|[\\s_-]+$", "gu"], ""],
]
BROWSER_FORMATTERS_ATTRIBUTE = json.dumps(BROWSER_FORMATTERS, separators=(",", ":"))
# Not Sk: skin-tone modifiers would add "emoji-modifier-fitzpatrick-type-4" to the name.
SYMBOL_CATEGORIES = {"So", "Sm", "Sc"}
# Page.slug holds 255 characters; Wagtail may add "-2" and so on to tell siblings apart.
MAX_LENGTH = 240


def tidy_slug(slug):
    """`slug` without the hyphens and underscores a slugifier can leave at either end."""
    return (slug or "").strip("-_")


def symbol_names(title):
    """The Unicode names of the symbols (emoji among them) in `title`, as a slug: "🔥 ❌" gives `fire-cross-mark`."""
    names = [
        unicodedata.name(character, "") for character in title if unicodedata.category(character) in SYMBOL_CATEGORIES
    ]
    return slugify(" ".join(name for name in names if name))[:MAX_LENGTH].strip("-")


def slug_for_title(title, fallback="page"):
    """The slug a new page with `title` gets: its words, else the names of its emoji, else `fallback`."""
    words = slugify(title or "")[:MAX_LENGTH].strip("-_")
    return words or symbol_names(title or "") or slugify(fallback) or "page"


class SlugFormMixin:
    """For Wagtail's page form: the browser's slug formatters, and a slug cleaned (or left for the page to fill in)
    on the server, with a message that says what holds a slug already taken."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None:
            slug.widget.attrs["data-w-slug-formatters-value"] = BROWSER_FORMATTERS_ATTRIBUTE
            # An empty slug is filled in from the title on save (BasePage), even when the title is only emoji.
            slug.required = False

    def clean_slug(self):
        return tidy_slug(self.cleaned_data.get("slug"))

    def clean(self):
        # Read before Wagtail's clean, whose error on the slug takes it out of cleaned_data.
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if slug and self.has_error("slug") and getattr(self, "parent_page", None) is not None:
            other = self.parent_page.get_children().filter(slug=slug).exclude(pk=self.instance.pk or None).first()
            if other is not None:
                self.errors["slug"] = self.error_class([slug_taken_message(slug, other)])
        return cleaned_data


def slug_taken_message(slug, other):
    """Wagtail says only that the slug is in use; this says which page holds it and how to reach it (often a draft
    autosave left of a page whose editor then started again)."""
    state = "live" if other.live else "a draft never published, perhaps left by an earlier try"
    return (
        f"The slug '{slug}' is taken by the page \"{other.draft_title or other.title}\" ({state}) in the same "
        f"section. Open it at /admin/pages/{other.pk}/edit/ (or find it in Pages, in this page's section) and delete "
        "it if it is not wanted, or give this page another slug on its Promote tab."
    )
