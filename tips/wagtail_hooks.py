"""Moderators manage communities, tips and products in the admin (Admin → Tips).

Editing a tip here is for moderation (fixing a flag, correcting a theme); state changes
such as publishing go through the facilitator's screens, which enforce consent.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import TipAdminForm
from .models import Community, Product, Tip


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    list_display = ["name", "host_organisation", "neighbourhood"]
    search_fields = ["name", "neighbourhood"]


class TipViewSet(SnippetViewSet):
    model = Tip
    icon = "pick"
    list_display = ["__str__", "community", "state", "is_toptip"]
    list_filter = ["state", "is_toptip", "community", "phase"]
    search_fields = ["text"]
    edit_handler = ObjectList(Tip.panels, base_form_class=TipAdminForm)


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "media"
    list_display = ["title", "kind", "community"]
    list_filter = ["kind"]
    search_fields = ["title"]


class TipsGroup(SnippetViewSetGroup):
    menu_label = _("Tips")
    menu_icon = "pick"
    menu_order = 250
    items = (CommunityViewSet, TipViewSet, ProductViewSet)


register_snippet(TipsGroup)
