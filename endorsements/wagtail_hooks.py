from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from endorsements.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["name", "kind", "region", "listed", "show_logo"]
    list_filter = ["kind", "region", "listed", "show_logo"]


register_snippet(OrganisationViewSet)
