"""A section left with a required part empty says which part and which section, not Wagtail's bare "This field is
required.", which an editor could not place when a page had several sections (an autosaved draft reopened, say)."""

from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

REQUIRED = "This field is required."


class NamedRequiredMixin:
    """For a StructBlock: its empty required parts named, with the section they belong to."""

    def clean(self, value):
        try:
            return super().clean(value)
        except StructBlockValidationError as error:
            section = (self.meta.label or self.label or "").lower() or "this"
            named = {}
            for name, child_error in error.block_errors.items():
                if getattr(child_error, "messages", None) == [REQUIRED]:
                    label = self.child_blocks[name].label
                    child_error = ValidationError(
                        f"{label} is required in this {section} section: fill it in, or remove the section."
                    )
                named[name] = child_error
            raise StructBlockValidationError(block_errors=named, non_block_errors=error.non_block_errors) from error
