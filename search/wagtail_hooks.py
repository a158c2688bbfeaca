from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synoniemen")
    menu_order = 450
    add_to_admin_menu = True
    list_display = ["terms", "note", "active"]
    list_filter = ["active"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)
