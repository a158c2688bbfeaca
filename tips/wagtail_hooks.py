"""Moderators manage communities, tips and products in the admin (Admin → Tips).

Editing a tip here is for moderation (fixing a flag, correcting a theme); state changes
such as publishing go through the facilitator's screens, which enforce consent.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .forms import TipAdminForm
from .models import LIBRARY_VIEWS_HOOK, Community, Product, Tip


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


# The audit trail of communities (core.audit; tips.services records them). Entries hold
# member ids and states, never a name: a parent appears by member id, not by account.
TIP_ACTIONS = {
    "tips.submit": _("Tip ingestuurd"),
    "tips.deidentify": _("Namen uit tip verwijderd"),
    "tips.reword": _("Tip herschreven"),
    "tips.flags": _("Kenmerken van tip gewijzigd"),
    "tips.consent": _("Toestemming voor tip vastgelegd"),
    "tips.publish": _("Tip gepubliceerd"),
    "tips.archive": _("Tip gearchiveerd"),
    "tips.withdraw": _("Tip teruggetrokken"),
    "tips.state_change": _("Status van tip gewijzigd door een ronde"),
    "tips.anonymise": _("Tip geanonimiseerd (account verwijderd)"),
}
COMMUNITY_ACTIONS = {
    "tips.round_create": _("Ronde aangemaakt"),
    "tips.pair_assign": _("Koppel ingedeeld"),
    "tips.round_open": _("Ronde geopend"),
    "tips.round_close": _("Ronde gesloten"),
    "tips.invitation_create": _("Uitnodiging voor tipgemeenschap gemaakt"),
    "tips.member_join": _("Lid geworden van tipgemeenschap"),
    "tips.member_leave": _("Tipgemeenschap verlaten"),
    "tips.join_request": _("Gevraagd om mee te doen in tipgemeenschap"),
    "tips.join_request_withdraw": _("Aanmelding voor tipgemeenschap ingetrokken"),
    "tips.join_request_accept": _("Aanmelding voor tipgemeenschap geaccepteerd"),
    "tips.join_request_decline": _("Aanmelding voor tipgemeenschap afgewezen"),
}


def _tip_state_label(value):
    try:
        return Tip.State(value).label
    except ValueError:
        return value


class TipChange(LogFormatter):
    """What happened to the tip and the state it left, by member number."""

    def format_message(self, log_entry):
        return _("%(change)s; status nu ‘%(state)s’ (lid %(member)s)") % {
            "change": self.label,
            "state": _tip_state_label(log_entry.data.get("state")),
            "member": log_entry.data.get("member") or "–",
        }


class CommunityChange(LogFormatter):
    def format_message(self, log_entry):
        return _("%(change)s (lid %(member)s)") % {
            "change": self.label,
            "member": log_entry.data.get("member") or "–",
        }


@hooks.register("register_log_actions")
def register_tip_log_actions(actions):
    for action, label in TIP_ACTIONS.items():
        actions.register_action(action)(type("TipChange", (TipChange,), {"label": label}))
    for action, label in COMMUNITY_ACTIONS.items():
        actions.register_action(action)(type("CommunityChange", (CommunityChange,), {"label": label}))


@hooks.register(LIBRARY_VIEWS_HOOK)
def tip_library_views():
    """The views that answer the tip library page's routes (see tips.models.library_view)."""
    return {"index": views.library_index, "tip": views.library_tip}
