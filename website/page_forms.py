"""The form every page type's editor uses (BasePage.base_form_class): Wagtail's, with the slug made from any title,
a slug already taken explained, and a draft's save kept from undoing a publish made meanwhile."""

from django.db import transaction
from wagtail.admin.forms import WagtailAdminPageForm

from website.slugs import SlugFormMixin
from website.unseen_publish import published_since_read


class SitePageForm(SlugFormMixin, WagtailAdminPageForm):
    def save(self, commit=True):
        # Wagtail's editor asks to write an existing page's row only when it read the page as a draft. If the page
        # was published since, it is saved as Wagtail saves a live page: not written, its draft kept for the
        # revision that follows (website/unseen_publish.py). A plain ManyToManyField would be dropped then, as
        # Wagtail drops it for a live page; page types use ParentalManyToManyField, kept in the revision.
        if not commit or self.instance.pk is None:
            return super().save(commit=commit)
        with transaction.atomic():
            return super().save(commit=not published_since_read(self.instance))
