"""Public views: thin wrappers that turn requests into calls to services.py."""

import datetime
import functools
import re
from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import refuse_unverified
from core import ratelimit, signed_links
from core.languages import canonical_pages
from core.public_urls import absolute_url

from . import links, services
from .calendar import member_feed, registration_ics, upcoming_feed
from .certificates import certificate_facts, certificate_pdf
from .forms import ChangeRegistrationForm, EvaluationForm, FreshLinkForm, RegistrationForm
from .models import AtelierPage, AtelierState, CalendarFeed, EvaluationAspect, Registration
from .permissions import can_check_in
from .qr import qr_svg


def door_staff_only(view):
    """Check-in is for the atelier's own organisers at the door; everyone else gets a page that says so.

    Who counts is `ateliers.permissions.can_check_in` (issue 14: `is_staff` let any editor in).
    Anonymous visitors log in first (organisers who scan a code before logging in come back to
    it). A logged-in member without door rights, also for an id that does not exist, gets a 403
    page explaining what to do instead: sending them to the login page would loop, as it
    forwards a logged-in user straight back to `next`.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        atelier = _atelier_at_the_door(kwargs)
        if atelier is not None and can_check_in(user, atelier):
            return view(request, *args, **kwargs)
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return _not_for_the_door(request, kwargs.get("token"))

    return wrapped


def _atelier_at_the_door(view_kwargs):
    """The atelier a door URL is about: named by id, or by the scanned check-in code.

    An expired code still names its atelier, so its own door staff get the page that says the
    code has expired rather than a refusal."""
    if "atelier_id" in view_kwargs:
        return AtelierPage.objects.filter(pk=view_kwargs["atelier_id"]).first()
    try:
        return services.registration_for_fresh_link(view_kwargs.get("token", ""), "checkin").atelier
    except signed_links.InvalidLink:
        return None


def _not_for_the_door(request, checkin_token=None):
    """Participants who open their own QR link learn it is for the organiser, and find their registration."""
    context = {"scanned_code": checkin_token is not None}
    registration = services.registration_from_token(checkin_token, "checkin") if checkin_token else None
    if registration and not registration.anonymised and registration.user_id == request.user.pk:
        context["atelier"] = registration.atelier
        context["manage_url"] = reverse("ateliers:manage", args=[services.make_token(registration, "manage")])
    return render(request, "ateliers/door_only.html", context, status=403)


def _registration_or_404(token, purpose):
    """The registration behind a link in a mail. A view that calls this wears `@link_pages`,
    which answers a tampered link with a 404 page and an expired one with a 410 page."""
    return services.open_registration_link(token, purpose)


def link_pages(view):
    """A tampered link gets the "ongeldig" page (404); an expired one a page that says so (410)
    and offers a fresh link by mail, instead of an error.

    Every answer is marked private: it shows one person's registration, so it stays out of the
    shared anonymous page cache, which would otherwise go on serving it after the link expired.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except signed_links.InvalidLink:
            response = render(request, "ateliers/link_invalid.html", status=404)
        except signed_links.ExpiredLink as expired:
            purpose = _short_purpose(expired.purpose)
            response = _expired_link_page(request, expired.subject, kwargs["token"], purpose)
        patch_cache_control(response, private=True)
        return response

    return wrapped


def _short_purpose(link_purpose):
    return next(short for short, registered in services.LINK_PURPOSES.items() if registered is link_purpose)


def _expired_link_page(request, registration, token, purpose, form=None, status=410):
    context = {
        "atelier": registration.atelier,
        "purpose": purpose,
        "form": form or FreshLinkForm(),
        "action": reverse("ateliers:fresh_link", args=[purpose, token]),
    }
    return render(request, "ateliers/link_expired.html", context, status=status)


FRESH_LINK_REQUESTS_PER_HOUR = 10


@link_pages
def fresh_link(request, purpose, token):
    """The form on the expired-link page: the same answer whether or not the address matches."""
    if purpose not in services.LINK_PURPOSES:
        raise Http404
    registration = services.registration_for_fresh_link(token, purpose)
    form = FreshLinkForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return _expired_link_page(request, registration, token, purpose, form, status=200)
    if not ratelimit.allow("atelier-fresh-link", ratelimit.client_ip(request), FRESH_LINK_REQUESTS_PER_HOUR, 3600):
        form.add_error(None, _("Te veel aanvragen vanaf dit adres. Probeer het over een uur opnieuw."))
        return _expired_link_page(request, registration, token, purpose, form, status=429)
    try:
        services.request_fresh_link(registration, purpose, form.cleaned_data["email"])
    except services.AtelierError as error:
        form.add_error(None, str(error))
        return _expired_link_page(request, registration, token, purpose, form, status=429)
    return render(request, "ateliers/fresh_link_sent.html", {"atelier": registration.atelier})


GUEST_REGISTRATIONS_PER_HOUR = 10


def _too_many_guest_registrations(request):
    """Each guest registration mails an address someone typed in; cap it per IP so nobody mail-bombs.

    The client IP comes from allauth, so behind a proxy it honours ALLAUTH_TRUSTED_PROXY_COUNT
    like the login rate limits do.
    """
    client_ip = get_adapter(request).get_client_ip(request)
    return not ratelimit.allow("atelier-guest-registration", client_ip, GUEST_REGISTRATIONS_PER_HOUR, 3600)


# What a busy answer asks the browser (and any client) to wait before sending the form again.
BUSY_RETRY_AFTER_SECONDS = 5


def _busy(request, context):
    """The seats were locked too long (services.AtelierBusy): the same form, filled in, with a 503."""
    messages.error(request, _("Het is nu erg druk. Probeer het zo nog eens; je gegevens staan nog in het formulier."))
    response = render(request, "ateliers/register.html", context, status=503)
    response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
    return response


def _to_manage_page(registration):
    return redirect("ateliers:manage", token=services.make_token(registration, "manage"))


@refuse_unverified
def register(request, atelier_id):
    atelier = get_object_or_404(AtelierPage.objects.live(), pk=atelier_id)
    user = request.user if request.user.is_authenticated else None
    if not atelier.accepts_registrations:
        return render(request, "ateliers/register_closed.html", {"atelier": atelier}, status=200)
    form = RegistrationForm(
        request.POST or None, user=user, questions=atelier.questions.all(), groups=atelier.reserved_places.all()
    )
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
                remarks=data["remarks"],
                answers=form.answers(),
                user=user,
                language=translation.get_language() or "nl",
                group=form.chosen_group(),
            )
        except services.AtelierBusy:
            return _busy(request, {"atelier": atelier, "form": form, "member": user})
        except services.AtelierError as error:
            messages.error(request, str(error))
        else:
            if user is not None:
                return _to_manage_page(registration)
            # Never reveal to a guest whether this address was registered before.
            return render(request, "ateliers/check_mailbox.html", {"atelier": atelier, "email": data["email"]})
    return render(request, "ateliers/register.html", {"atelier": atelier, "form": form, "member": user})


@link_pages
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


def _offer_lapsed_meanwhile(registration):
    """An offer that lapsed before the expiry run got to it is passed on now, when its person looks."""
    if registration.status == Registration.Status.OFFERED and not services.offer_is_open(registration):
        services.expire_lapsed_offers(registration.atelier)
        registration.refresh_from_db()
    return registration


@link_pages
def manage(request, token):
    registration = _offer_lapsed_meanwhile(_registration_or_404(token, "manage"))
    context = {
        "registration": registration,
        "atelier": registration.atelier,
        "token": token,
        "waiting_position": services.waiting_position(registration),
        "can_cancel": _can_cancel(registration),
        "can_change": services.can_change(registration),
        "offer_open": services.offer_is_open(registration),
        "certificate_available": services.certificate_available(registration),
    }
    if registration.holds_seat and registration.atelier.state not in services.NOT_AHEAD:
        context["qr_svg"] = qr_svg(links.checkin_url(registration))
    return render(request, "ateliers/manage.html", context)


@link_pages
def change(request, token):
    """The registrant changes their own details and answers, until the atelier's cut-off."""
    registration = _registration_or_404(token, "manage")
    atelier = registration.atelier
    context = {"registration": registration, "atelier": atelier, "token": token}
    if not services.can_change(registration):
        if registration.status != Registration.Status.CANCELLED:
            messages.error(request, services.change_closed_message(atelier))
        return redirect("ateliers:manage", token=token)
    form = ChangeRegistrationForm(request.POST or None, registration=registration)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        user = request.user if request.user.is_authenticated else None
        try:
            _registration, changed = services.change_registration(
                registration, details=form.details(), answers=form.answers(), user=user
            )
        except services.AtelierError as error:
            messages.error(request, str(error))
        else:
            if changed:
                messages.success(request, _("Je wijzigingen zijn opgeslagen. Je krijgt een bevestiging per e-mail."))
            else:
                messages.info(request, _("Er was niets veranderd."))
            return redirect("ateliers:manage", token=token)
    return render(request, "ateliers/change.html", context)


@link_pages
def accept_offer(request, token):
    """The link in the offer mail: GET says what is on offer and until when, only the POST takes the seat
    (a mail scanner that opens links must not accept in someone's name)."""
    registration = _offer_lapsed_meanwhile(_registration_or_404(token, "manage"))
    if request.method == "POST":
        try:
            services.accept_offer(registration)
        except services.AtelierError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De plek is van jou. Je krijgt je bevestiging met QR-code per e-mail."))
        return redirect("ateliers:manage", token=token)
    if not services.offer_is_open(registration):
        if registration.status == Registration.Status.CANCELLED and registration.offer_expires_at:
            messages.error(request, services.OFFER_LAPSED_MESSAGE)
        return redirect("ateliers:manage", token=token)
    context = {"registration": registration, "atelier": registration.atelier, "token": token}
    return render(request, "ateliers/accept_offer.html", context)


def _can_cancel(registration):
    return registration.status != Registration.Status.CANCELLED and registration.atelier.state not in services.NOT_AHEAD


@link_pages
def cancel(request, token):
    """GET asks for confirmation and says what will happen; only the POST from that page cancels."""
    registration = _registration_or_404(token, "manage")
    if request.method != "POST":
        if not _can_cancel(registration):
            return redirect("ateliers:manage", token=token)
        return render(
            request,
            "ateliers/cancel.html",
            {"registration": registration, "atelier": registration.atelier, "token": token},
        )
    try:
        services.cancel(registration)
    except services.AtelierError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Je bent afgemeld. Je plek gaat naar de eerste op de wachtlijst."))
    return redirect("ateliers:manage", token=token)


@link_pages
def registration_calendar(request, token):
    registration = _registration_or_404(token, "manage")
    response = HttpResponse(registration_ics(registration), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kennisatelier.ics"'
    return response


@link_pages
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
    revoked = not genuine and CERTIFICATE_CODE_RE.fullmatch(code) and services.certificate_revoked(code)
    context = {"code": code, "genuine": genuine, "revoked": revoked}
    if genuine:
        # The facts the certificate states (certificates.certificate_facts), in the visitor's language.
        context.update(registration=registration, facts=certificate_facts(registration))
    return render(
        request, "ateliers/certificate_check.html", context, status=200 if genuine else 410 if revoked else 404
    )


def calendar_feed(request):
    ateliers = canonical_pages(AtelierPage.objects.live()).filter(
        date__gte=timezone.localdate() - datetime.timedelta(days=1),
        # Called off ones too: subscribers' calendars drop them on STATUS:CANCELLED.
        state__in=[AtelierState.ANNOUNCED, AtelierState.REGISTRATION_OPEN, AtelierState.FULL, AtelierState.CANCELLED],
    )
    response = HttpResponse(upcoming_feed(ateliers.order_by("date")), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kennisateliers.ics"'
    return response


@refuse_unverified
def my_calendar(request):
    """Where a member makes (or revokes) the secret address of a calendar with their own registrations."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = {"feed": CalendarFeed.objects.filter(user=request.user).first()}
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "create":
        key = services.create_calendar_feed(request.user)
        feed_url = absolute_url(reverse("ateliers:member_feed", args=[key]))
        context.update(feed_url=feed_url, webcal_url=re.sub(r"^https?://", "webcal://", feed_url))
        context["feed"] = CalendarFeed.objects.filter(user=request.user).first()
    elif action == "revoke":
        services.revoke_calendar_feed(request.user)
        messages.success(request, _("Je agenda-link is ingetrokken; agenda's die hem gebruikten, krijgen niets meer."))
        return redirect("ateliers:my_calendar")
    response = render(request, "ateliers/my_calendar.html", context)
    patch_cache_control(response, private=True, no_store=True)  # the address is shown once
    return response


def member_calendar_feed(request, key):
    """The subscribable feed behind a member's secret address; an unknown or revoked key gets a 404."""
    registrations = services.feed_registrations(key)
    if registrations is None:
        raise Http404
    response = HttpResponse(member_feed(registrations), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mijn-kennisateliers.ics"'
    patch_cache_control(response, private=True)  # one member's calendar: never in the shared page cache
    return response


@link_pages
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


@door_staff_only
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


@door_staff_only
@require_POST
def checkin_toggle(request, atelier_id, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id, atelier_id=atelier_id)
    attended = request.POST.get("attended") == "1"
    try:
        services.set_attendance(registration, attended, user=request.user)
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


@door_staff_only
@link_pages
def checkin_scan(request, token):
    """Where the QR code from the confirmation mail leads: one tap checks the person in."""
    registration = _registration_or_404(token, "checkin")
    if request.method == "POST":
        try:
            services.set_attendance(registration, True, user=request.user)
        except services.AtelierError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is ingecheckt.") % {"name": registration.name})
            return redirect("ateliers:checkin", atelier_id=registration.atelier_id)
    return render(
        request, "ateliers/checkin_scan.html", {"registration": registration, "atelier": registration.atelier}
    )
