"""Every page type, snippet and setting explains itself to a non-technical editor."""

import pytest
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

from tests.utils import ours

# Fields an editor never fills in: bookkeeping, ordering, and what Wagtail's own base classes bring.
NOT_EDITED = {"id", "sort_order", "page_ptr", "site", "created_at", "updated_at", "latest_revision"}


def our_models(models):
    return [model for model in ours(models) if not model._meta.abstract]


def editor_fields(model):
    """The fields the model itself (or one of our abstract bases) adds, which an editor sees."""
    for field in model._meta.get_fields():
        declared_in = getattr(field, "model", None)
        if (
            getattr(field, "editable", False)
            and not field.auto_created
            and field.name not in NOT_EDITED
            and declared_in is not None
            and ours([declared_in])
            and not field.name.endswith("_ptr")
        ):
            yield field


PAGE_MODELS = our_models(get_page_models())
SNIPPET_AND_SETTING_MODELS = our_models([*get_snippet_models(), *settings_registry])


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_every_page_type_says_what_it_is_for_and_where_it_goes(model):
    assert model.page_description, f"{model.__name__} has no page_description"
    assert model.parent_page_types is not None, f"{model.__name__} may be created anywhere"
    assert model.subpage_types is not None, f"{model.__name__} accepts any child page"


@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPET_AND_SETTING_MODELS, ids=lambda model: model.__name__)
def test_every_field_an_editor_sees_has_help_text(model):
    missing = [field.name for field in editor_fields(model) if not str(field.help_text).strip()]
    assert not missing, f"{model.__name__} fields without help_text: {missing}"
