from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import AtelierPage, AtelierState, EvaluationAspect, OrganiserMessage, Registration
from .permissions import can_organise_atelier, can_see_atelier_reports


class EvaluationAspectViewSet(SnippetViewSet):
    model = EvaluationAspect
    icon = "pick"
    menu_label = _("Evaluatie-aspecten")
    list_display = ["name", "sort_order", "active"]
    ordering = ["sort_order", "name"]


register_snippet(EvaluationAspectViewSet)


admin_urlpatterns = [
    path("", admin_views.ReportView.as_view(), name="report"),
    path("rapportage.csv", admin_views.report_csv, name="report_csv"),
    path("<int:pk>/", admin_views.ManageAtelierView.as_view(), name="manage"),
    path("<int:pk>/aanwezigheid-<str:register>.csv", admin_views.attendance_export, name="attendance_export"),
    path("<int:pk>/deelnemers.csv", admin_views.registrations_export, name="registrations_export"),
    path("<int:pk>/bericht/", admin_views.OrganiserMessageView.as_view(), name="message"),
]


@hooks.register("register_admin_urls")
def register_atelier_admin_urls():
    return [path("kennisateliers/", include((admin_urlpatterns, "ateliers_admin"), namespace="ateliers_admin"))]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_atelier_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return OrganiserMenuItem(_("Kennisateliers"), reverse("ateliers_admin:report"), icon_name="calendar-alt", order=350)


@hooks.register("register_page_header_buttons")
def manage_atelier_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, AtelierPage) and can_organise_atelier(user, page):
        yield Button(
            _("Deelnemers en status"),
            reverse("ateliers_admin:manage", args=[page.pk]),
            icon_name="group",
            priority=25,
        )


def _warn_about_programme(request, page):
    if isinstance(page, AtelierPage):
        for warning in page.programme_warnings():
            messages.warning(request, warning)


hooks.register("after_create_page", _warn_about_programme)
hooks.register("after_edit_page", _warn_about_programme)


def _state_label(value):
    try:
        return AtelierState(value).label
    except ValueError:
        return value


@hooks.register("register_log_actions")
def register_atelier_log_actions(actions):
    """Lifecycle steps in the page history, in words (services.transition / undo_transition log them)."""

    @actions.register_action("ateliers.state_change")
    class StateChange(LogFormatter):
        label = _("Status kennisatelier gewijzigd")

        def format_message(self, log_entry):
            states = {
                "old": _state_label(log_entry.data.get("from")),
                "new": _state_label(log_entry.data.get("to")),
            }
            if log_entry.data.get("automatic"):
                return (
                    _("Status vanzelf gewijzigd van ‘%(old)s’ naar ‘%(new)s’ (plaatsen bezet of vrijgekomen)") % states
                )
            return _("Status gewijzigd van ‘%(old)s’ naar ‘%(new)s’") % states

    @actions.register_action("ateliers.state_undo")
    class StateUndo(LogFormatter):
        label = _("Status kennisatelier teruggezet")

        def format_message(self, log_entry):
            return _("Status teruggezet van ‘%(old)s’ naar ‘%(new)s’ (ingetrokken certificaten: %(revoked)s)") % {
                "old": _state_label(log_entry.data.get("from")),
                "new": _state_label(log_entry.data.get("to")),
                "revoked": log_entry.data.get("revoked_certificates", 0),
            }

    @actions.register_action("ateliers.organiser_message")
    class OrganiserMessageSent(LogFormatter):
        label = _("Bericht aan deelnemers verstuurd")

        def format_message(self, log_entry):
            kinds = dict(OrganiserMessage.Kind.choices)
            return _("Bericht aan deelnemers verstuurd (%(kind)s, %(n)s ontvangers)") % {
                "kind": kinds.get(log_entry.data.get("kind"), log_entry.data.get("kind")),
                "n": log_entry.data.get("recipients", 0),
            }

    actions.register_action(
        "ateliers.calendar_changed",
        _("Tijd, plaats of titel gewijzigd: agenda-bestanden krijgen een nieuwe versie"),
        _("Tijd, plaats of titel gewijzigd: agenda-bestanden krijgen een nieuwe versie"),
    )
    actions.register_action(
        "ateliers.calendar_feed_created",
        _("Persoonlijke agenda-link aangemaakt"),
        _("Persoonlijke agenda-link aangemaakt"),
    )
    actions.register_action(
        "ateliers.calendar_feed_revoked",
        _("Persoonlijke agenda-link ingetrokken"),
        _("Persoonlijke agenda-link ingetrokken"),
    )

    for action, label in REGISTRATION_ACTIONS.items():
        actions.register_action(action)(type("RegistrationChange", (RegistrationChange,), {"label": label}))


# What happens to one registration (core.audit; ateliers.services records them).
REGISTRATION_ACTIONS = {
    "ateliers.register": _("Aanmelding kennisatelier ontvangen"),
    "ateliers.confirm_email": _("E-mailadres aanmelding bevestigd"),
    "ateliers.cancel": _("Afgemeld voor kennisatelier"),
    "ateliers.promote": _("Van de wachtlijst geplaatst"),
    "ateliers.attendance": _("Aanwezigheid gewijzigd"),
    "ateliers.change": _("Aanmelding gewijzigd door de deelnemer"),
    "ateliers.offer": _("Vrijgekomen plek aangeboden"),
    "ateliers.accept_offer": _("Aangeboden plek aangenomen"),
    "ateliers.offer_expired": _("Aanbod niet op tijd aangenomen"),
    "ateliers.reminder": _("Herinnering verstuurd"),
}


def _registration_status_label(value):
    try:
        return Registration.Status(value).label
    except ValueError:
        return value


class RegistrationChange(LogFormatter):
    """Says what happened and the status it left: the entry's data holds ids and states only."""

    def format_message(self, log_entry):
        if log_entry.action == "ateliers.attendance":
            return _("Ingecheckt") if log_entry.data.get("attended") else _("Inchecken ongedaan gemaakt")
        return _("%(change)s; status nu ‘%(status)s’") % {
            "change": self.label,
            "status": _registration_status_label(log_entry.data.get("status")),
        }
