from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class LinkValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""

    def text(self):
        page = self.get("page")
        return self.get("label") or (page.title if page else self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another site, with optional wording.

    With required=False the link may be left empty; templates test `value.url`.
    """

    label = blocks.CharBlock(
        required=False, max_length=80, help_text="The words of the link. Leave blank to use the page's title."
    )
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    external_url = blocks.URLBlock(required=False, label="External URL", help_text="…or an address on another site.")

    def __init__(self, local_blocks=None, required=True, **kwargs):
        self._required = required
        super().__init__(local_blocks, **kwargs)

    @property
    def required(self):
        return self._required

    class Meta:
        icon = "link"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("external_url"))
        if has_page and has_url:
            raise StructBlockValidationError(
                block_errors={"external_url": ValidationError("Choose a page or enter an address, not both.")}
            )
        if not (has_page or has_url) and self.required and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter an address on another site.")}
            )
        if has_url and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError("A link to another site needs its words.")}
            )
        return value
