"""The rules of a knowledge atelier: seats, waiting list, lifecycle, attendance, evaluation.

Every change that touches seats runs inside `transaction.atomic` with the atelier row
locked (`select_for_update`), so concurrent registrations queue behind each other and the
count of confirmed registrations can never pass the capacity. On SQLite the IMMEDIATE
transaction mode (settings) serialises writers the same way.

Mail is never sent inside the transaction: the registration is committed first, then a
background task is enqueued with `transaction.on_commit`, so a failing mail server delays
a message but never loses a registration.
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cop_site import page_cache

from .models import (
    AtelierPage,
    AtelierState,
    EvaluationAspect,
    EvaluationResponse,
    EvaluationScore,
    Registration,
    new_certificate_code,
)

Status = Registration.Status

# The first transition listed is the natural next step (the primary button in the admin).
TRANSITIONS = {
    AtelierState.ANNOUNCED: [AtelierState.REGISTRATION_OPEN],
    AtelierState.REGISTRATION_OPEN: [AtelierState.HELD, AtelierState.FULL, AtelierState.ANNOUNCED],
    AtelierState.FULL: [AtelierState.HELD, AtelierState.REGISTRATION_OPEN],
    AtelierState.HELD: [AtelierState.EVALUATION_OPEN],
    AtelierState.EVALUATION_OPEN: [AtelierState.PROCESSED],
    AtelierState.PROCESSED: [AtelierState.LESSONS_PUBLISHED],
    AtelierState.LESSONS_PUBLISHED: [],
}
AFTER_THE_EVENT = {
    AtelierState.HELD,
    AtelierState.EVALUATION_OPEN,
    AtelierState.PROCESSED,
    AtelierState.LESSONS_PUBLISHED,
}


class AtelierError(Exception):
    """A rule was broken; the message is a Dutch sentence fit to show the user."""


# -- signed links ------------------------------------------------------------------------

PURPOSES = {"confirm", "manage", "checkin", "evaluate"}


def make_token(registration, purpose):
    assert purpose in PURPOSES
    return signing.dumps(registration.pk, salt=f"ateliers.{purpose}", compress=True)


def registration_from_token(token, purpose):
    """The registration a signed link points at, or None for a forged or mangled link."""
    try:
        pk = signing.loads(token, salt=f"ateliers.{purpose}")
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("atelier").filter(pk=pk).first()


# -- registration and the waiting list ---------------------------------------------------


def _locked_atelier(atelier):
    return AtelierPage.objects.select_for_update().get(pk=atelier.pk)


def _set_state(atelier, state):
    """Store the lifecycle state on the page row only: no revision, so publishing never undoes it.

    A queryset update sends no post_save, so the anonymous page cache is told explicitly.
    """
    atelier.state = state
    AtelierPage.objects.filter(pk=atelier.pk).update(state=state)
    transaction.on_commit(page_cache.invalidate)


def _enqueue_mail(registration, kind):
    from .tasks import send_registration_mail

    transaction.on_commit(lambda: send_registration_mail.enqueue(registration.pk, kind))


def _take_seat_or_queue(atelier, registration):
    """Give the registration a seat if one is free, else a place on the waiting list."""
    confirmed = atelier.registrations.filter(status=Status.CONFIRMED).count()
    registration.queued_at = timezone.now()
    registration.status = Status.CONFIRMED if confirmed < atelier.capacity else Status.WAITING
    registration.save(update_fields=["status", "queued_at"])
    if confirmed + 1 >= atelier.capacity and atelier.state == AtelierState.REGISTRATION_OPEN:
        _set_state(atelier, AtelierState.FULL)
    _enqueue_mail(registration, "confirmed" if registration.status == Status.CONFIRMED else "waiting")


def register(
    atelier,
    *,
    email,
    name,
    background,
    organisation_name="",
    wants_accreditation=False,
    register_numbers=None,
    user=None,
    language="nl",
):
    """Register someone; the same e-mail address twice gives the same registration.

    A logged-in member's address is already verified, so they go straight to a seat or
    the waiting list. A guest first gets a link to confirm the address; until then the
    registration holds no seat, so nobody can take seats in someone else's name.
    `language` is the site language the form was sent in; the mails follow it.
    """
    email = email.strip().lower()
    details = {
        "name": name.strip(),
        "background": background,
        "organisation_name": organisation_name.strip(),
        "wants_accreditation": wants_accreditation,
        "register_numbers": register_numbers or {},
        "user": user,
        "language": language or "nl",
    }
    with transaction.atomic():
        atelier = _locked_atelier(atelier)
        if not atelier.accepts_registrations:
            raise AtelierError(_("Aanmelden voor dit kennisatelier is niet (meer) mogelijk."))
        registration, created = Registration.objects.get_or_create(atelier=atelier, email=email, defaults=details)
        if not created and registration.status not in (Status.CANCELLED, Status.PENDING):
            if user is None:
                # A guest who forgot they registered gets their links again, in their own mailbox.
                _enqueue_mail(registration, "confirmed" if registration.holds_seat else "waiting")
            return registration
        if not created:
            for field, value in details.items():
                setattr(registration, field, value)
            registration.status = Status.PENDING
            registration.cancelled_at = None
            registration.save()
        if user is not None:
            registration.email_confirmed_at = timezone.now()
            registration.save(update_fields=["email_confirmed_at"])
            _take_seat_or_queue(atelier, registration)
        else:
            _enqueue_mail(registration, "confirm_email")
    return registration


def confirm_email(registration):
    """The guest opened the link from their mailbox: now they may take a seat."""
    with transaction.atomic():
        atelier = _locked_atelier(registration.atelier)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.PENDING:
            return registration
        if not atelier.accepts_registrations:
            raise AtelierError(_("Aanmelden voor dit kennisatelier is niet meer mogelijk."))
        registration.email_confirmed_at = timezone.now()
        registration.save(update_fields=["email_confirmed_at"])
        _take_seat_or_queue(atelier, registration)
    return registration


def cancel(registration):
    """Give up a seat (or a place in line); the first person waiting gets the seat and a mail."""
    with transaction.atomic():
        atelier = _locked_atelier(registration.atelier)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration
        if atelier.state in AFTER_THE_EVENT:
            raise AtelierError(_("Dit kennisatelier is al geweest; afmelden kan niet meer."))
        held_seat = registration.holds_seat
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if held_seat:
            fill_free_seats(atelier)
    return registration


def fill_free_seats(atelier):
    """Promote people from the waiting list while seats are free (after a cancellation or more capacity).

    Must run inside a transaction that holds the atelier lock.
    """
    confirmed = atelier.registrations.filter(status=Status.CONFIRMED).count()
    free = atelier.capacity - confirmed
    promoted = []
    if free > 0:
        waiting = atelier.registrations.select_for_update().filter(status=Status.WAITING).order_by("queued_at", "pk")
        for registration in waiting[:free]:
            registration.status = Status.CONFIRMED
            registration.save(update_fields=["status"])
            _enqueue_mail(registration, "promoted")
            promoted.append(registration)
    if atelier.state == AtelierState.FULL and confirmed + len(promoted) < atelier.capacity:
        _set_state(atelier, AtelierState.REGISTRATION_OPEN)
    return promoted


def capacity_changed(atelier):
    """After an editor publishes the page: more seats may have become available."""
    with transaction.atomic():
        atelier = _locked_atelier(atelier)
        if atelier.state in AFTER_THE_EVENT:
            return []  # never tell someone a seat came free for an atelier that already took place
        return fill_free_seats(atelier)


def waiting_position(registration):
    if registration.status != Status.WAITING:
        return None
    ahead = registration.atelier.registrations.filter(status=Status.WAITING, queued_at__lt=registration.queued_at)
    return ahead.count() + 1


# -- lifecycle ---------------------------------------------------------------------------


def allowed_transitions(atelier):
    return TRANSITIONS[AtelierState(atelier.state)]


def transition(atelier, new_state):
    """Move the atelier to its next state; opening the evaluation mails every attendee a link."""
    new_state = AtelierState(new_state)
    with transaction.atomic():
        atelier = _locked_atelier(atelier)
        if new_state not in allowed_transitions(atelier):
            raise AtelierError(
                _("Van ‘%(current)s’ kan een kennisatelier niet naar ‘%(new)s’.")
                % {"current": atelier.get_state_display(), "new": new_state.label}
            )
        _set_state(atelier, new_state)
        if new_state == AtelierState.EVALUATION_OPEN:
            for registration in atelier.registrations.filter(attended=True, evaluation__isnull=True):
                _enqueue_mail(registration, "evaluation")
    return atelier


# -- attendance and certificates ---------------------------------------------------------


def set_attendance(registration, attended):
    """Check someone in at the door, or correct it afterwards. Idempotent."""
    if registration.status != Status.CONFIRMED and attended:
        raise AtelierError(_("Alleen aangemelde deelnemers kunnen worden ingecheckt."))
    registration.attended = attended
    registration.checked_in_at = timezone.now() if attended else None
    if attended and not registration.certificate_code:
        registration.certificate_code = new_certificate_code()
    registration.save(update_fields=["attended", "checked_in_at", "certificate_code"])
    return registration


def certificate_available(registration):
    """A certificate proves accredited attendance: attended, and the atelier was accredited."""
    return (
        registration.attended
        and not registration.anonymised
        and registration.atelier.state in AFTER_THE_EVENT
        and bool(registration.atelier.granted_accreditations())
    )


# -- evaluation --------------------------------------------------------------------------


def evaluation_open_for(registration):
    return (
        registration.attended
        and registration.atelier.state == AtelierState.EVALUATION_OPEN
        and not EvaluationResponse.objects.filter(registration=registration).exists()
    )


def submit_evaluation(registration, stars_by_aspect, comments=""):
    """Store one response per attendee; a second submit (or a reused link) is refused."""
    if not registration.attended or registration.atelier.state != AtelierState.EVALUATION_OPEN:
        raise AtelierError(_("De evaluatie voor dit kennisatelier is gesloten."))
    aspects = {aspect.pk: aspect for aspect in EvaluationAspect.objects.filter(active=True)}
    try:
        with transaction.atomic():
            response = EvaluationResponse.objects.create(registration=registration, comments=comments.strip())
            EvaluationScore.objects.bulk_create(
                EvaluationScore(response=response, aspect=aspects[pk], stars=stars)
                for pk, stars in stars_by_aspect.items()
                if pk in aspects and stars
            )
    except IntegrityError:
        raise AtelierError(_("Je hebt dit kennisatelier al beoordeeld. Dank je wel!")) from None
    return response


# -- member data -------------------------------------------------------------------------


def export_member_registrations(user):
    return [
        {
            "atelier": registration.atelier.title,
            "date": registration.atelier.date.isoformat(),
            "status": registration.status,
            "organisation": registration.organisation_name,
            "background": registration.background,
            "wants_accreditation": registration.wants_accreditation,
            "register_numbers": registration.register_numbers,
            "attended": registration.attended,
            "certificate_code": registration.certificate_code,
        }
        for registration in Registration.objects.filter(user=user).select_related("atelier")
    ]


def anonymise_member_registrations(user):
    """Remove the person but keep the counts (attendance, background mix) in the reports."""
    for registration in Registration.objects.filter(user=user):
        registration.user = None
        registration.name = ""
        registration.email = f"geanonimiseerd-{registration.pk}@invalid.example"
        registration.organisation_name = ""
        registration.register_numbers = {}
        registration.certificate_code = None
        registration.anonymised = True
        registration.save()
    EvaluationResponse.objects.filter(registration__user__isnull=True, registration__anonymised=True).update(
        comments=""
    )
