"""Wagtail admin views for organisers: run one atelier, and the report of the ateliers they organise.

Who may do this is decided in `ateliers.permissions` (issue 14): an organiser sees and changes
only the ateliers their own organisation (co-)organises.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.registers import Register
from core.query_params import whole_number

from . import reports, services
from .forms import OrganiserMessageForm
from .models import AtelierPage, AtelierState, OrganiserMessage, Registration
from .permissions import ateliers_organised_by, can_organise_atelier, can_see_atelier_reports


def organised_atelier_or_403(user, pk):
    """The atelier, for one of its organisers; 404 only for someone who organises any atelier,
    so that nobody else learns which ids exist."""
    if not can_see_atelier_reports(user):
        raise PermissionDenied
    atelier = get_object_or_404(AtelierPage, pk=pk)
    if not can_organise_atelier(user, atelier):
        raise PermissionDenied
    return atelier


class ReportsMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_see_atelier_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReportView(ReportsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "ateliers/admin/report.html"
    page_title = gettext_lazy("Kennisateliers: rapportage")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(reports.report_context(selected_year(self.request), ateliers_organised_by(self.request.user)))
        return context


def selected_year(request):
    """The annual report covers one year; `?jaar=2018` narrows every figure to it."""
    year = request.GET.get("jaar", "")
    return whole_number(year)


def report_csv(request):
    if not can_see_atelier_reports(request.user):
        raise PermissionDenied
    year = selected_year(request)
    csv_text = reports.report_csv(year, ateliers_organised_by(request.user))
    response = HttpResponse("\ufeff" + csv_text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="kennisateliers-rapportage{f"-{year}" if year else ""}.csv"'
    )
    return response


class ManageAtelierView(WagtailAdminTemplateMixin, TemplateView):
    """Everything an organiser does around one atelier that is not editing its page."""

    template_name = "ateliers/admin/manage.html"
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        self.atelier = organised_atelier_or_403(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("ateliers_admin:report"), "label": _("Kennisateliers")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_page_title(self):
        return _("Deelnemers en status")

    def get_page_subtitle(self):
        return self.atelier.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = (
            self.atelier.registrations.exclude(status=Registration.Status.CANCELLED)
            .select_related("group")
            .order_by("status", "queued_at", "pk")
        )
        context.update(
            atelier=self.atelier,
            transitions=services.allowed_transitions(self.atelier),
            undo_target=services.undo_target(self.atelier),
            registrations=registrations,
            places=services.places_of(self.atelier),
            counts={
                status.label: self.atelier.registrations.filter(status=status).count() for status in Registration.Status
            },
            attended=self.atelier.registrations.filter(attended=True).count(),
            registers=[(value, label) for value, label in Register.choices],
        )
        return context

    def post(self, request, *args, **kwargs):
        if "transition" in request.POST:
            try:
                new_state = AtelierState(request.POST["transition"])
                services.transition(self.atelier, new_state, user=request.user)
            except (ValueError, services.AtelierError) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Status gewijzigd naar ‘%(state)s’.") % {"state": new_state.label})
        elif "undo" in request.POST:
            was_called_off = self.atelier.state == AtelierState.CANCELLED
            try:
                atelier = services.undo_transition(self.atelier, user=request.user)
            except services.AtelierError as error:
                messages.error(request, str(error))
            else:
                self._undone_message(request, atelier, was_called_off)
        elif "save_attendance" in request.POST:
            self._save_attendance(request)
        return redirect(reverse("ateliers_admin:manage", args=[self.atelier.pk]))

    def _undone_message(self, request, atelier, was_called_off):
        if was_called_off:
            messages.success(
                request,
                _(
                    "Het kennisatelier gaat toch door: status teruggezet naar ‘%(state)s’. De deelnemers weten "
                    "dat nog niet: stuur de deelnemers een ‘Wijziging’, dan zet hun agenda-bestand de afspraak terug."
                )
                % {"state": atelier.get_state_display()},
            )
            return
        revoked = atelier.revoked_certificates
        messages.success(
            request,
            ngettext(
                "Status teruggezet naar ‘%(state)s’; %(n)s certificaat ingetrokken.",
                "Status teruggezet naar ‘%(state)s’; %(n)s certificaten ingetrokken.",
                revoked,
            )
            % {"state": atelier.get_state_display(), "n": revoked},
        )

    def _save_attendance(self, request):
        """The attendance list as ticked; refusals (too early to check in) are shown, not raised."""
        present = {whole_number(pk) for pk in request.POST.getlist("attended")} - {None}
        changed = 0
        for registration in self.atelier.registrations.filter(status=Registration.Status.CONFIRMED):
            if registration.attended != (registration.pk in present):
                try:
                    services.set_attendance(registration, registration.pk in present, user=request.user)
                except services.AtelierError as error:
                    messages.error(request, str(error))
                    return
                changed += 1
        messages.success(request, _("Aanwezigheid bijgewerkt (%(n)s wijzigingen).") % {"n": changed})


def attendance_export(request, pk, register):
    atelier = organised_atelier_or_403(request.user, pk)
    if register not in Register.values:
        raise Http404
    register = Register(register)
    response = HttpResponse(
        "\ufeff" + reports.attendance_export_csv(atelier, register), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="aanwezigheid-{register.value}-{atelier.date}.csv"'
    return response


def registrations_export(request, pk):
    """The participant list with remarks and answers, as CSV (same permission as the attendance list)."""
    atelier = organised_atelier_or_403(request.user, pk)
    response = HttpResponse(
        "\ufeff" + reports.registrations_export_csv(atelier), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="deelnemers-{atelier.date}.csv"'
    return response


class OrganiserMessageView(WagtailAdminTemplateMixin, TemplateView):
    """Write to all or some participants of one atelier (a venue change, a call-off); for its organisers."""

    template_name = "ateliers/admin/message.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.atelier = organised_atelier_or_403(request.user, kwargs["pk"])
        self.form = OrganiserMessageForm(request.POST or None)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("ateliers_admin:report"), "label": _("Kennisateliers")},
            {"url": reverse("ateliers_admin:manage", args=[self.atelier.pk]), "label": self.atelier.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_title(self):
        return _("Bericht aan deelnemers")

    def get_page_subtitle(self):
        return self.atelier.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            atelier=self.atelier,
            form=self.form,
            audience_counts=[
                (label, services.message_recipients(self.atelier, value).count())
                for value, label in OrganiserMessage.Audience.choices
            ],
            sent=self.atelier.organiser_messages.select_related("sent_by")[:20],
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.form.is_valid():
            return self.get(request, *args, **kwargs)
        data = self.form.cleaned_data
        try:
            message = services.send_organiser_message(
                self.atelier,
                audience=data["audience"],
                kind=data["kind"],
                subject=data["subject"],
                body=data["body"],
                user=request.user,
            )
        except services.AtelierError as error:
            messages.error(request, str(error))
            return self.get(request, *args, **kwargs)
        messages.success(
            request,
            ngettext(
                "Bericht verstuurd aan %(n)s deelnemer.", "Bericht verstuurd aan %(n)s deelnemers.", message.recipients
            )
            % {"n": message.recipients},
        )
        return redirect(reverse("ateliers_admin:message", args=[self.atelier.pk]))
