"""Public views: thin wrappers that turn requests into calls to services.py."""

import datetime
import re
from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cop_site import ratelimit

from . import links, services
from .calendar import registration_ics, upcoming_feed
from .certificates import certificate_pdf
from .forms import EvaluationForm, RegistrationForm
from .models import AtelierPage, AtelierState, EvaluationAspect, Registration
from .qr import qr_svg

staff_required = user_passes_test(lambda user: user.is_active and user.is_staff)


def _registration_or_404(token, purpose):
    registration = services.registration_from_token(token, purpose)
    if registration is None or registration.anonymised:
        raise Http404(_("Deze link is ongeldig of verlopen."))
    return registration


GUEST_REGISTRATIONS_PER_HOUR = 10


def _too_many_guest_registrations(request):
    """Each guest registration mails an address someone typed in; cap it per IP so nobody mail-bombs.

    The client IP comes from allauth, so behind a proxy it honours ALLAUTH_TRUSTED_PROXY_COUNT
    like the login rate limits do.
    """
    client_ip = get_adapter(request).get_client_ip(request)
    return not ratelimit.allow("atelier-guest-registration", client_ip, GUEST_REGISTRATIONS_PER_HOUR, 3600)


def _to_manage_page(registration):
    return redirect("ateliers:manage", token=services.make_token(registration, "manage"))


def register(request, atelier_id):
    atelier = get_object_or_404(AtelierPage.objects.live(), pk=atelier_id)
    user = request.user if request.user.is_authenticated else None
    if not atelier.accepts_registrations:
        return render(request, "ateliers/register_closed.html", {"atelier": atelier}, status=200)
    form = RegistrationForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if user is None and _too_many_guest_registrations(request):
            messages.error(request, _("Te veel aanmeldingen vanaf dit adres. Probeer het over een uur opnieuw."))
            return render(request, "ateliers/register.html", {"atelier": atelier, "form": form}, status=429)
        try:
            registration = services.register(
                atelier,
                email=user.email if user else data["email"],
                name=data["name"],
                background=data["background"],
                organisation_name=data["organisation_name"],
                wants_accreditation=data["wants_accreditation"],
                register_numbers=data["register_numbers"],
                user=user,
                language=translation.get_language() or "nl",
            )
        except services.AtelierError as error:
            messages.error(request, str(error))
        else:
            if user is not None:
                return _to_manage_page(registration)
            # Never reveal to a guest whether this address was registered before.
            return render(request, "ateliers/check_mailbox.html", {"atelier": atelier, "email": data["email"]})
    return render(request, "ateliers/register.html", {"atelier": atelier, "form": form, "member": user})


def confirm(request, token):
    registration = _registration_or_404(token, "confirm")
    if request.method == "POST":
        try:
            registration = services.confirm_email(registration)
        except services.AtelierError as error:
            messages.error(request, str(error))
            return render(request, "ateliers/confirm.html", {"registration": registration})
        return _to_manage_page(registration)
    if registration.status != Registration.Status.PENDING:
        return _to_manage_page(registration)
    return render(request, "ateliers/confirm.html", {"registration": registration})


def manage(request, token):
    registration = _registration_or_404(token, "manage")
    context = {
        "registration": registration,
        "atelier": registration.atelier,
        "token": token,
        "waiting_position": services.waiting_position(registration),
        "can_cancel": registration.status != Registration.Status.CANCELLED
        and registration.atelier.state not in services.AFTER_THE_EVENT,
        "certificate_available": services.certificate_available(registration),
    }
    if registration.holds_seat and registration.atelier.state not in services.AFTER_THE_EVENT:
        context["qr_svg"] = qr_svg(links.checkin_url(registration))
    return render(request, "ateliers/manage.html", context)


@require_POST
def cancel(request, token):
    registration = _registration_or_404(token, "manage")
    try:
        services.cancel(registration)
    except services.AtelierError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Je bent afgemeld. Je plek gaat naar de eerste op de wachtlijst."))
    return redirect("ateliers:manage", token=token)


def registration_calendar(request, token):
    registration = _registration_or_404(token, "manage")
    response = HttpResponse(registration_ics(registration), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kennisatelier.ics"'
    return response


def certificate(request, token):
    registration = _registration_or_404(token, "manage")
    if not services.certificate_available(registration):
        raise Http404(_("Voor deze aanmelding is (nog) geen certificaat beschikbaar."))
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificaat-{registration.certificate_code}.pdf"'
    return response


CERTIFICATE_CODE_RE = re.compile(r"[0-9A-F]{5}-[0-9A-F]{5}")  # see models.new_certificate_code


def certificate_check(request, code):
    code = code.strip().upper()
    registration = None
    if CERTIFICATE_CODE_RE.fullmatch(code):  # anything else cannot be a code (and may hold NUL bytes)
        registration = (
            Registration.objects.select_related("atelier").filter(certificate_code=code, attended=True).first()
        )
    genuine = registration is not None and services.certificate_available(registration)
    context = {"code": code, "genuine": genuine}
    if genuine:
        context.update(
            registration=registration,
            atelier=registration.atelier,
            accreditations=registration.atelier.granted_accreditations(),
        )
    return render(request, "ateliers/certificate_check.html", context, status=200 if genuine else 404)


def calendar_feed(request):
    ateliers = AtelierPage.objects.live().filter(
        date__gte=timezone.localdate() - datetime.timedelta(days=1),
        state__in=[AtelierState.ANNOUNCED, AtelierState.REGISTRATION_OPEN, AtelierState.FULL],
    )
    response = HttpResponse(upcoming_feed(ateliers.order_by("date")), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kennisateliers.ics"'
    return response


def evaluate(request, token):
    registration = _registration_or_404(token, "evaluate")
    atelier = registration.atelier
    if not services.evaluation_open_for(registration):
        return render(request, "ateliers/evaluation_closed.html", {"registration": registration, "atelier": atelier})
    form = EvaluationForm(request.POST or None, aspects=EvaluationAspect.objects.filter(active=True))
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(registration, form.stars_by_aspect(), form.cleaned_data["comments"])
        except services.AtelierError as error:
            messages.error(request, str(error))
        return render(request, "ateliers/evaluation_thanks.html", {"atelier": atelier})
    return render(request, "ateliers/evaluate.html", {"form": form, "atelier": atelier, "registration": registration})


# -- at the door -------------------------------------------------------------------------


@staff_required
def checkin(request, atelier_id):
    atelier = get_object_or_404(AtelierPage, pk=atelier_id)
    query = request.GET.get("q", "").strip()
    registrations = atelier.registrations.filter(status=Registration.Status.CONFIRMED).order_by("name")
    if query:
        registrations = registrations.filter(Q(name__icontains=query) | Q(organisation_name__icontains=query))
    return render(
        request,
        "ateliers/checkin.html",
        {
            "atelier": atelier,
            "registrations": registrations,
            "query": query,
            "present": atelier.registrations.filter(attended=True).count(),
            "expected": atelier.registrations.filter(status=Registration.Status.CONFIRMED).count(),
        },
    )


@staff_required
@require_POST
def checkin_toggle(request, atelier_id, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id, atelier_id=atelier_id)
    attended = request.POST.get("attended") == "1"
    try:
        services.set_attendance(registration, attended)
    except services.AtelierError as error:
        messages.error(request, str(error))
    else:
        if attended:
            messages.success(request, _("%(name)s is ingecheckt.") % {"name": registration.name})
        else:
            messages.info(request, _("Inchecken van %(name)s is ongedaan gemaakt.") % {"name": registration.name})
    target = redirect("ateliers:checkin", atelier_id=atelier_id)
    if request.POST.get("q"):
        target["Location"] += "?" + urlencode({"q": request.POST["q"]})
    return target


@staff_required
def checkin_scan(request, token):
    """Where the QR code from the confirmation mail leads: one tap checks the person in."""
    registration = _registration_or_404(token, "checkin")
    if request.method == "POST":
        try:
            services.set_attendance(registration, True)
        except services.AtelierError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is ingecheckt.") % {"name": registration.name})
            return redirect("ateliers:checkin", atelier_id=registration.atelier_id)
    return render(
        request, "ateliers/checkin_scan.html", {"registration": registration, "atelier": registration.atelier}
    )
