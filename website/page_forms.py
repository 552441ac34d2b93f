"""The form every page type's editor uses (BasePage.base_form_class): Wagtail's, with the slug made from any title
and a slug already taken explained."""

from wagtail.admin.forms import WagtailAdminPageForm

from website.slugs import SlugFormMixin


class SitePageForm(SlugFormMixin, WagtailAdminPageForm):
    pass
