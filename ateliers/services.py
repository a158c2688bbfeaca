"""The rules of a knowledge atelier: seats, waiting list, lifecycle, attendance, evaluation.

Every change that touches seats runs inside `seats_locked(atelier)`: one transaction with the
atelier row locked, so concurrent registrations queue behind each other and the count of
confirmed registrations can never pass the capacity. On SQLite the IMMEDIATE transaction
mode (settings) serialises writers the same way. Whoever would wait longer than
`ATELIER_LOCK_TIMEOUT` gets `AtelierBusy` instead, with nothing written (issue 14).

The locked section holds database statements only, as few as the rule needs: a burst of
registrations is as fast as one registration's turn at the lock. Mail is never sent (nor
queued) inside the transaction: the registration is committed first, then a background task
is enqueued with `transaction.on_commit`, so a failing mail server delays a message but
never loses a registration.
"""

import datetime
import hashlib
import logging
import secrets
from contextlib import contextmanager

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry

from core import audit, page_cache, ratelimit, signed_links
from core.languages import canonical_page, is_canonical
from notifications import services as notification_services

from . import tasks
from .certificates import certificate_available
from .links import LINK_PURPOSES, link_purpose, make_token  # noqa: F401 (views ask the services for links)
from .models import (
    AFTER_THE_EVENT,
    MAX_REMINDER_DAYS,
    NOT_AHEAD,
    AtelierPage,
    AtelierState,
    CalendarFeed,
    EvaluationAspect,
    EvaluationResponse,
    EvaluationScore,
    OrganiserMessage,
    Registration,
    RegistrationAnswer,
    RevokedCertificate,
    new_certificate_code,
)
from .places import Places, places_of  # noqa: F401 (the rules below and the admin read the places here)
from .tasks import send_fresh_link_mail, send_organiser_message_mail, send_registration_mail

logger = logging.getLogger(__name__)
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
    # Reached only by calling the atelier off with a message to the participants; left by undo.
    AtelierState.CANCELLED: [],
}
# One step back, for an organiser who moved too early or by mistake. Before the event the
# forward transitions already go both ways; "held" and "cancelled" go back to open or full
# (see undo_target).
UNDO = {
    AtelierState.EVALUATION_OPEN: AtelierState.HELD,
    AtelierState.PROCESSED: AtelierState.EVALUATION_OPEN,
    AtelierState.LESSONS_PUBLISHED: AtelierState.PROCESSED,
}
# The door opens a while before the start, so early arrivals can be checked in.
CHECKIN_OPENS_BEFORE = datetime.timedelta(hours=2)


class AtelierError(Exception):
    """A rule was broken; the message is a Dutch sentence fit to show the user."""


class AtelierBusy(AtelierError):
    """The seats stayed locked longer than ATELIER_LOCK_TIMEOUT: nothing was written, try again shortly.

    An AtelierError, so every place that shows a broken rule shows this too; the registration
    form answers it with a 503 and Retry-After and keeps what was typed.
    """

    def __init__(self):
        super().__init__(_("Het is nu erg druk. Probeer het zo nog eens."))


def _load_registration(pk):
    if not isinstance(pk, int):
        return None
    registration = Registration.objects.select_related("atelier").filter(pk=pk).first()
    if registration is None or registration.anonymised:
        return None  # an anonymised registration has no owner left to serve
    return registration


def open_registration_link(token, purpose):
    """The registration a link points at; raises signed_links.InvalidLink or ExpiredLink."""
    return signed_links.open_link(link_purpose(purpose).name, token, _load_registration)


def registration_from_token(token, purpose):
    """The registration of a link that is genuine and alive, or None (just looking, no page to offer)."""
    try:
        return open_registration_link(token, purpose)
    except (signed_links.InvalidLink, signed_links.ExpiredLink):
        return None


def freshlink_purpose(registration, purpose):
    """Which link to mail someone whose `purpose` link expired: the same kind while it can still
    work, else the registration page (a confirmed address needs no confirming; a check-in code
    after the event can never work again, the certificate on the registration page can)."""
    if purpose == "confirm" and registration.status != Status.PENDING:
        return "manage"
    if link_purpose(purpose).has_expired(signed_links.now(), registration):
        return "manage"
    return purpose


def registration_for_fresh_link(token, purpose):
    """The registration of a link we made, however old: someone whose link expired asks for a
    fresh one. Raises signed_links.InvalidLink for a link we never made."""
    pk, _issued_at = signed_links.unsign(link_purpose(purpose).name, token)
    registration = _load_registration(pk)
    if registration is None:
        raise signed_links.InvalidLink("the link points at nothing")
    return registration


FRESH_LINKS_PER_REGISTRATION_PER_HOUR = 3


def request_fresh_link(registration, purpose, email):
    """Mail a fresh link to the registration's own address, if `email` is that address.

    The caller shows the same answer either way, so the form cannot tell anyone who registered.
    Counted per registration before the address is compared (so the limit reveals nothing
    either): a handful an hour, so nobody can flood a participant's mailbox through the form.
    """
    if not ratelimit.allow(
        "atelier-fresh-link-registration", registration.pk, FRESH_LINKS_PER_REGISTRATION_PER_HOUR, 3600
    ):
        raise AtelierError(
            _("Er zijn al genoeg nieuwe links gevraagd voor deze aanmelding. Probeer het later opnieuw.")
        )
    if email.strip().lower() != registration.email.lower():
        logger.info("Fresh %s link for registration %s refused: another address", purpose, registration.pk)
        return
    new_purpose = freshlink_purpose(registration, purpose)
    logger.info("Fresh %s link mailed for registration %s (expired %s link)", new_purpose, registration.pk, purpose)
    transaction.on_commit(lambda: send_fresh_link_mail.enqueue(registration.pk, new_purpose))


# -- registration and the waiting list ---------------------------------------------------


def _is_lock_timeout(error):
    """PostgreSQL's lock_timeout (SQLSTATE 55P03), or SQLite's busy timeout at BEGIN IMMEDIATE."""
    if connection.vendor == "postgresql":
        return getattr(error.__cause__, "sqlstate", None) == "55P03"
    return connection.vendor == "sqlite" and "database is locked" in str(error)


@contextmanager
def seats_locked(atelier, *, wait_as_long_as_it_takes=False):
    """One transaction that holds the atelier's seats; yields the atelier as stored now.

    On PostgreSQL it locks the atelier's own row (`ateliers_atelierpage`, FOR NO KEY UPDATE)
    and not Wagtail's page row: an editor's save or autosave locks and updates that one, and
    registrations need not wait for it. A lock not granted within ATELIER_LOCK_TIMEOUT
    (`SET LOCAL lock_timeout`, as pretix's `lock_objects`) raises AtelierBusy and rolls back
    everything the block wrote. On SQLite the IMMEDIATE transaction is the lock and the
    connection's busy timeout (settings) the limit.

    `wait_as_long_as_it_takes` is for publishing a page: its new capacity must be applied
    even while people are registering, and the lock is only ever held for a few statements.
    """
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql" and not wait_as_long_as_it_takes:
                milliseconds = int(settings.ATELIER_LOCK_TIMEOUT * 1000)
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL lock_timeout = '{milliseconds}ms'")
            yield AtelierPage.objects.select_for_update(of=("self",), no_key=True).get(pk=atelier.pk)
    except OperationalError as error:
        if not _is_lock_timeout(error):
            raise
        logger.warning("Atelier %s: seats locked longer than the lock timeout; answered 'busy'", atelier.pk)
        raise AtelierBusy from error


def _set_state(atelier, state):
    """Store the lifecycle state on the page row only: no revision, so publishing never undoes it.

    A queryset update sends no post_save, so the anonymous page cache is told explicitly.
    """
    atelier.state = state
    AtelierPage.objects.filter(pk=atelier.pk).update(state=state)
    transaction.on_commit(page_cache.invalidate)


def _follow_the_seats(atelier, state):
    """Open or full as seats are taken or come free: a state change like any other, by nobody in particular."""
    old_state = atelier.state
    _set_state(atelier, state)
    _log_state_change(atelier, "ateliers.state_change", old_state, AtelierState(state).value, None, automatic=True)


def _log_registration(registration, atelier, action, user=None, **data):
    """Record a registration's change in the audit trail: its number and status, never the name or address.

    `atelier` is passed in (not read from the registration), so the caller's object does not
    cache a copy of the atelier it may not expect.
    """
    audit.record(
        registration,
        action,
        user=user,
        label=f"#{registration.pk} – {atelier.title}",
        atelier=atelier.pk,
        status=registration.status,
        **data,
    )


def _enqueue_mail(registration, kind):
    transaction.on_commit(lambda: send_registration_mail.enqueue(registration.pk, kind))


def _take_seat_or_queue(atelier, registration):
    """Give the registration a place if one is free for them, else a place on their list, and save it.

    A registrant for a group takes one of the group's reserved places if one is free, else a
    general place if one is free (as pretix lets a quota's members fall back to the general
    quota: a reserved place exists to guarantee the group room, not to keep its members out of
    free seats everyone else may take), else joins that group's waiting list. Everyone else
    takes a general place or joins the general waiting list.

    People already waiting come first: if places came free without the list moving up (more
    capacity saved by some path that skipped `capacity_changed`), they are promoted before
    the newcomer is counted, under the same lock, and a "full" atelier with free places opens
    again. Usually it is two reads and one write.
    """
    places = places_of(atelier)
    if places.someone_waiting_may_take_a_place() or (atelier.state == AtelierState.FULL and places.free_total):
        fill_free_seats(atelier)
        places = places_of(atelier)
    registration.queued_at = timezone.now()
    registration.status = Status.CONFIRMED if places.free_for(registration.group_id) else Status.WAITING
    registration.save()
    if registration.status == Status.CONFIRMED:
        places.take(registration.group_id)
    if places.free_total == 0 and atelier.state == AtelierState.REGISTRATION_OPEN:
        _follow_the_seats(atelier, AtelierState.FULL)
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
    remarks="",
    answers=None,
    user=None,
    language="nl",
    group=None,
):
    """Register someone; the same e-mail address twice gives the same registration.

    A logged-in member's address is already verified, so they go straight to a seat or
    the waiting list. A guest first gets a link to confirm the address; until then the
    registration holds no seat, so nobody can take seats in someone else's name.
    `language` is the site language the form was sent in; the mails follow it. `answers`
    holds the answers to the atelier's own questions ({question id: text}). `group` is the
    atelier's ReservedPlaces the registrant says they belong to (None: general).
    Registering through an English translation of the page fills the Dutch atelier's seats:
    the Dutch page is the one atelier (core.languages.canonical_page).
    """
    atelier = canonical_page(atelier)
    email = email.strip().lower()
    details = {
        "name": name.strip(),
        "background": background,
        "organisation_name": organisation_name.strip(),
        "wants_accreditation": wants_accreditation,
        "register_numbers": register_numbers or {},
        "remarks": remarks.strip(),
        "user": user,
        "language": language or "nl",
        "group": group,
    }
    with seats_locked(atelier) as atelier:
        if not atelier.accepts_registrations:
            raise AtelierError(_("Aanmelden voor dit kennisatelier is niet (meer) mogelijk."))
        if group is not None and group.page_id != atelier.pk:
            raise AtelierError(_("Deze groep hoort niet bij dit kennisatelier. Kies opnieuw."))
        # Every registration for this atelier is created here, under the lock: no second one
        # for the same address can appear between this look-up and the insert below.
        registration = atelier.registrations.filter(email=email).first()
        if registration is not None and registration.status not in (Status.CANCELLED, Status.PENDING):
            if user is None:
                # A guest who forgot they registered gets their links again, in their own mailbox.
                _enqueue_mail(registration, "confirmed" if registration.holds_seat else "waiting")
            return registration
        if registration is None:
            registration = Registration(atelier=atelier, email=email)
        for field, value in details.items():
            setattr(registration, field, value)
        registration.status = Status.PENDING
        registration.cancelled_at = None
        if user is not None:
            registration.email_confirmed_at = timezone.now()
            _take_seat_or_queue(atelier, registration)
        else:
            registration.save()
            _enqueue_mail(registration, "confirm_email")
        _store_answers(registration, answers or {})
        _log_registration(registration, atelier, "ateliers.register", user)
    return registration


def confirm_email(registration):
    """The guest opened the link from their mailbox: now they may take a seat."""
    with seats_locked(registration.atelier) as atelier:
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.PENDING:
            return registration
        if not atelier.accepts_registrations:
            raise AtelierError(_("Aanmelden voor dit kennisatelier is niet meer mogelijk."))
        registration.email_confirmed_at = timezone.now()
        _take_seat_or_queue(atelier, registration)
        _log_registration(registration, atelier, "ateliers.confirm_email")
    return registration


def cancel(registration):
    """Give up a seat (or a place in line); the first person waiting gets the seat and a mail.

    The person cancelling gets a mail too, so a cancellation nobody meant (a shared inbox,
    a forwarded mail with the link) does not go unnoticed. Cancelling twice mails once.
    """
    with seats_locked(registration.atelier) as atelier:
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration
        if atelier.state in AFTER_THE_EVENT:
            raise AtelierError(_("Dit kennisatelier is al geweest; afmelden kan niet meer."))
        held_seat = registration.status in Registration.SEAT_STATUSES  # declining an offer frees it too
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        _log_registration(registration, atelier, "ateliers.cancel")
        _enqueue_mail(registration, "cancelled")
        if held_seat:
            fill_free_seats(atelier)
    return registration


def fill_free_seats(atelier):
    """Hand free seats to the waiting list, in order: the one code path for "a seat came free".

    One walk down the waiting lists in the order people joined them: a freed reserved place goes
    to the first person waiting of that group (nobody else may take it); a freed general place
    goes to the first person waiting of any list, group members included, since they may take
    general places too (see `_take_seat_or_queue`). Someone whose group's places are all taken
    and for whom no general place is free is skipped, keeping their place in line.

    Runs after a cancellation, a declined or lapsed offer, and more capacity published. With
    the atelier's `offer_hours` above zero the first person waiting is *offered* the seat: it is
    held for them until `offer_expires_at` (never past the start) and goes to the next person if
    they do not accept in time (`expire_lapsed_offers`). With `offer_hours` at 0 they are placed
    straight away, as before offers existed. Also keeps the open/full state in step with the
    seats, whichever way the capacity moved. Returns the registrations offered or placed.

    Must run inside a transaction that holds the atelier lock.
    """
    _lapse_expired_offers(atelier)
    if atelier.state == AtelierState.CANCELLED:
        return []  # called off: a freed seat is for nobody, and open/full no longer applies
    places = places_of(atelier)
    moved_up = []
    if places.someone_waiting_may_take_a_place():
        waiting = atelier.registrations.select_for_update().filter(status=Status.WAITING).order_by("queued_at", "pk")
        for registration in waiting:
            if not places.free_total or (atelier.offer_hours and atelier.has_started):
                break  # no place left, or no time left to accept an offer: the lists stay as they are
            if not places.free_for(registration.group_id):
                continue  # only their group's places would do, and those are taken: next in line
            if atelier.offer_hours:
                _offer_seat(atelier, registration)
            else:
                registration.status = Status.CONFIRMED
                registration.save(update_fields=["status"])
                _log_registration(registration, atelier, "ateliers.promote")
                _enqueue_mail(registration, "promoted")
            places.take(registration.group_id)
            moved_up.append(registration)
    if atelier.state == AtelierState.FULL and places.free_total:
        _follow_the_seats(atelier, AtelierState.REGISTRATION_OPEN)
    elif atelier.state == AtelierState.REGISTRATION_OPEN and not places.free_total:
        _follow_the_seats(atelier, AtelierState.FULL)  # fewer seats published than are already taken
    return moved_up


def _offer_seat(atelier, registration):
    """Hold a seat for the first person waiting and mail them the link to accept it."""
    registration.status = Status.OFFERED
    registration.offer_expires_at = min(
        timezone.now() + datetime.timedelta(hours=atelier.offer_hours), atelier.starts_at
    )
    registration.save(update_fields=["status", "offer_expires_at"])
    _log_registration(registration, atelier, "ateliers.offer")
    _enqueue_mail(registration, "offered")


def _lapse_expired_offers(atelier):
    """Offers nobody accepted in time end: the registration is cancelled (with a mail saying so)
    and the seat is free for the next person. Under the atelier lock, so twice is harmless."""
    lapsed = list(
        atelier.registrations.select_for_update().filter(status=Status.OFFERED, offer_expires_at__lte=timezone.now())
    )
    for registration in lapsed:
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        _log_registration(registration, atelier, "ateliers.offer_expired")
        _enqueue_mail(registration, "offer_expired")
    return lapsed


def expire_lapsed_offers(atelier=None):
    """Pass every lapsed offer on to the next person waiting; returns how many offers lapsed.

    Run by `manage.py expire_atelier_offers` (every few minutes) and when someone opens an
    offer that has lapsed. Each atelier is handled under its own lock and the lapsed offers are
    looked up again inside it, so two runs at once (or a run and a click) do each thing once.
    """
    candidates = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=timezone.now())
    if atelier is not None:
        candidates = candidates.filter(atelier=atelier)
    lapsed = 0
    for atelier_id in candidates.values_list("atelier_id", flat=True).distinct().order_by():
        with seats_locked(AtelierPage(pk=atelier_id), wait_as_long_as_it_takes=True) as locked:
            before = locked.registrations.filter(status=Status.OFFERED, offer_expires_at__lte=timezone.now()).count()
            if locked.state in AFTER_THE_EVENT:
                lapsed += len(_lapse_expired_offers(locked))
            else:
                fill_free_seats(locked)  # lapses the expired offers first
                lapsed += before
    return lapsed


OFFER_LAPSED_MESSAGE = _(
    "Dit aanbod is verlopen; de plek is naar de volgende op de wachtlijst gegaan. Je kunt je opnieuw aanmelden."
)


class OfferLapsed(AtelierError):
    """The offer was not accepted in time: the seat went to the next person."""


def offer_is_open(registration):
    return registration.status == Status.OFFERED and timezone.now() < registration.offer_expires_at


def accept_offer(registration):
    """Take the seat that was offered, if the offer still stands; accepting twice is harmless.

    Under the atelier lock, like every seat change: an offer that lapsed a moment ago is passed
    on (and committed) before the person hears it is too late.
    """
    with seats_locked(registration.atelier) as atelier:
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CONFIRMED:
            return registration
        if atelier.state == AtelierState.CANCELLED:
            raise AtelierError(_("Dit kennisatelier gaat niet door; de plek kan niet meer worden aangenomen."))
        lapsed = registration.status == Status.OFFERED and not offer_is_open(registration)
        if lapsed:
            fill_free_seats(atelier)
        elif registration.status == Status.OFFERED:
            registration.status = Status.CONFIRMED
            registration.save(update_fields=["status"])
            _log_registration(registration, atelier, "ateliers.accept_offer")
            _enqueue_mail(registration, "promoted")
            return registration
    if lapsed:
        raise OfferLapsed(OFFER_LAPSED_MESSAGE)
    raise AtelierError(_("Er staat voor deze aanmelding geen plek klaar om aan te nemen."))


def calendar_details_published(atelier):
    """After a publish: if the time, place or title changed, calendars need the event again with a
    higher SEQUENCE (same UID), whether or not the organiser also writes to the participants."""
    if not is_canonical(atelier):
        return  # an English translation went live: same atelier, same calendar event
    fingerprint = atelier.calendar_details()
    with transaction.atomic():
        stored = AtelierPage.objects.select_for_update(of=("self",), no_key=True).get(pk=atelier.pk)
        if stored.calendar_fingerprint == fingerprint:
            return False
        updates = {"calendar_fingerprint": fingerprint}
        if stored.calendar_fingerprint:  # the first publish sets the fingerprint, nothing changed yet
            updates["calendar_sequence"] = stored.calendar_sequence + 1
        AtelierPage.objects.filter(pk=atelier.pk).update(**updates)
        if "calendar_sequence" in updates:
            audit.record(atelier, "ateliers.calendar_changed", sequence=updates["calendar_sequence"])
    return "calendar_sequence" in updates


def capacity_changed(atelier):
    """After the page is published (see signals.py): more seats may have become available."""
    if not is_canonical(atelier):
        return []  # an English translation holds no seats; its Dutch page does
    with seats_locked(atelier, wait_as_long_as_it_takes=True) as atelier:
        if atelier.state in AFTER_THE_EVENT:
            return []  # never tell someone a seat came free for an atelier that already took place
        return fill_free_seats(atelier)


# -- reminders ---------------------------------------------------------------------------

# Someone whose seat was confirmed this recently just had a mail with everything in it.
NO_REMINDER_AFTER_FRESH_REGISTRATION = datetime.timedelta(hours=24)


def registrations_due_a_reminder(now=None):
    """Confirmed seats of upcoming ateliers inside their atelier's reminder window, not yet reminded."""
    now = now or timezone.now()
    candidates = Registration.objects.filter(
        status=Status.CONFIRMED,
        anonymised=False,
        reminder_sent_at__isnull=True,
        atelier__reminder_days__gt=0,
        atelier__state__in=(AtelierState.REGISTRATION_OPEN, AtelierState.FULL),
        atelier__date__gte=timezone.localdate(now),
        atelier__date__lte=timezone.localdate(now) + datetime.timedelta(days=MAX_REMINDER_DAYS + 1),
    ).select_related("atelier")
    return [
        registration
        for registration in candidates
        if registration.atelier.starts_at - datetime.timedelta(days=registration.atelier.reminder_days)
        <= now
        < registration.atelier.starts_at
        and (registration.queued_at or registration.created_at) <= now - NO_REMINDER_AFTER_FRESH_REGISTRATION
    ]


def send_reminders(now=None):
    """Queue the reminder for every registration due one; returns how many were queued.

    Each registration is claimed with one conditional UPDATE (reminder_sent_at still empty):
    two runs at once, or a run repeated after a crash, can claim it only once, so nobody gets
    the reminder twice. A member hears through the notification service (kind "atelier
    reminder": their preference, their language, a one-click unsubscribe); a guest without an
    account gets the mail directly, with the link to manage the registration. Either way the
    mail goes through the task queue once the claim is committed.
    """
    sent = 0
    for registration in registrations_due_a_reminder(now):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if claimed:
                _log_registration(registration, registration.atelier, "ateliers.reminder")
                _remind(registration)
                sent += 1
    return sent


def _remind(registration):
    user = registration.user
    if user is None or not user.is_active:
        _enqueue_mail(registration, "reminder")
        return
    # The language they registered in, unless the member chose one for their mails.
    notification_services.remember_language(user, registration.language)
    title = tasks.atelier_mail_subject(tasks.SUBJECTS["reminder"], registration.atelier.title)
    notification_services.notify(user, tasks.ATELIER_REMINDER, registration, title=title)


# -- organisers' messages ----------------------------------------------------------------

AUDIENCES = {
    OrganiserMessage.Audience.ALL: Q(status__in=(*Registration.SEAT_STATUSES, Status.WAITING)),
    OrganiserMessage.Audience.REGISTERED: Q(status__in=Registration.SEAT_STATUSES),
    OrganiserMessage.Audience.WAITING: Q(status=Status.WAITING),
    OrganiserMessage.Audience.ATTENDED: Q(attended=True),
}


def message_recipients(atelier, audience):
    return atelier.registrations.filter(AUDIENCES[OrganiserMessage.Audience(audience)], anonymised=False)


def send_organiser_message(atelier, *, audience, kind, subject, body, user):
    """An organiser writes to (some of) the participants: a venue change, a call-off, news.

    A change raises the calendar SEQUENCE and a call-off marks the atelier called off (its
    calendar files become METHOD:CANCEL and registration closes), so the attached .ics replaces
    or removes the event in the participant's calendar. Calling off twice is refused. One mail
    per participant through the task queue, after the commit. Returns the stored message.
    """
    kind = OrganiserMessage.Kind(kind)
    with transaction.atomic():
        atelier = AtelierPage.objects.select_for_update(of=("self",), no_key=True).get(pk=atelier.pk)
        if atelier.called_off_at and kind == OrganiserMessage.Kind.CALLED_OFF:
            raise AtelierError(_("Dit kennisatelier is al afgelast; de deelnemers hebben dat bericht gekregen."))
        if kind == OrganiserMessage.Kind.CALLED_OFF and atelier.state in AFTER_THE_EVENT:
            raise AtelierError(_("Dit kennisatelier is al geweest; afgelasten kan niet meer."))
        if kind != OrganiserMessage.Kind.MESSAGE:
            updates = {"calendar_sequence": atelier.calendar_sequence + 1}
            if kind == OrganiserMessage.Kind.CALLED_OFF:
                updates["called_off_at"] = timezone.now()
                updates["state"] = AtelierState.CANCELLED
                _log_state_change(atelier, "ateliers.state_change", atelier.state, AtelierState.CANCELLED.value, user)
            AtelierPage.objects.filter(pk=atelier.pk).update(**updates)
            for field, value in updates.items():
                setattr(atelier, field, value)
            transaction.on_commit(page_cache.invalidate)
        recipients = list(message_recipients(atelier, audience).values_list("pk", flat=True))
        message = OrganiserMessage.objects.create(
            atelier=atelier,
            audience=audience,
            kind=kind,
            subject=subject.strip(),
            body=body.strip(),
            sent_by=user,
            recipients=len(recipients),
        )
        audit.record(
            atelier,
            "ateliers.organiser_message",
            user=user,
            message=message.pk,
            audience=audience,
            kind=kind.value,
            recipients=len(recipients),
            sequence=atelier.calendar_sequence,
        )
        for registration_id in recipients:
            transaction.on_commit(
                lambda registration_id=registration_id: send_organiser_message_mail.enqueue(message.pk, registration_id)
            )
    return message


# -- a member's personal calendar feed ------------------------------------------------------


def _feed_key_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def create_calendar_feed(user):
    """A new secret feed address for `user` (any earlier one stops working); returns the key.

    The key is shown once, to the member; only its hash is kept.
    """
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        replaced = CalendarFeed.objects.filter(user=user).delete()[0] > 0
        feed = CalendarFeed.objects.create(user=user, key_hash=_feed_key_hash(key))
        audit.record(feed, "ateliers.calendar_feed_created", user=user, label=f"#{feed.pk}", replaced=replaced)
    return key


def revoke_calendar_feed(user):
    """Stop the member's feed address from working; True if there was one."""
    with transaction.atomic():
        feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
        if feed is None:
            return False
        audit.record(feed, "ateliers.calendar_feed_revoked", user=user, label=f"#{feed.pk}")
        feed.delete()
    return True


def feed_registrations(key):
    """The current (not cancelled) registrations behind a feed key, or None for a key we do not know."""
    if not key or len(key) > 100:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(key_hash=_feed_key_hash(key)).first()
    if feed is None or not feed.user.is_active:
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=timezone.now())
    return (
        Registration.objects.filter(user=feed.user, anonymised=False)
        .exclude(status__in=(Status.CANCELLED, Status.PENDING))
        .select_related("atelier")
        .order_by("atelier__date")
    )


# -- changing one's own registration -----------------------------------------------------

# What a registrant may change themselves, and how it is recorded (field names, never values).
CHANGEABLE_FIELDS = ("name", "organisation_name", "background", "wants_accreditation", "register_numbers", "remarks")


def can_change(registration):
    """Whether the registrant may still change their details (before the atelier's cut-off)."""
    return (
        registration.status != Status.CANCELLED
        and not registration.anonymised
        and registration.atelier.state not in NOT_AHEAD
        and timezone.now() < registration.atelier.changes_close_at
    )


def change_closed_message(atelier):
    return _(
        "Je aanmelding wijzigen kan tot %(hours)s uur voor het begin, dus tot %(until)s uur. "
        "Dat is voorbij. Klopt er iets niet? Meld het bij de ingang of mail de organisatie."
    ) % {"hours": atelier.change_cutoff_hours, "until": _when(atelier.changes_close_at)}


def change_registration(registration, *, details, answers=None, user=None):
    """Change one's own details and answers until the cut-off; mails a confirmation when anything changed.

    `details` holds CHANGEABLE_FIELDS (what the form cleaned). The seat and the place in line
    stay as they are: nothing here touches capacity, so no atelier lock is taken. Returns the
    names of what changed (the audit trail keeps the names, never the values).
    """
    with transaction.atomic():
        registration = Registration.objects.select_for_update().select_related("atelier").get(pk=registration.pk)
        if not can_change(registration):
            raise AtelierError(change_closed_message(registration.atelier))
        changed = []
        for field in CHANGEABLE_FIELDS:
            if field not in details:
                continue
            value = details[field].strip() if isinstance(details[field], str) else details[field]
            if getattr(registration, field) != value:
                setattr(registration, field, value)
                changed.append(field)
        if changed:
            registration.save(update_fields=changed)
        if answers is not None and _store_answers(registration, answers):
            changed.append("answers")
        if changed:
            _log_registration(registration, registration.atelier, "ateliers.change", user, fields=changed)
            _enqueue_mail(registration, "changed")
    return registration, changed


def _store_answers(registration, answers):
    """Keep the answers to the atelier's own questions ({question id: text}); True if any changed."""
    questions = {question.pk: question for question in registration.atelier.questions.all()}
    stored = {answer.question_id: answer for answer in registration.answers.all()}
    changed = False
    for question_id, value in answers.items():
        if question_id not in questions:
            continue
        value = (value or "").strip()
        answer = stored.get(question_id)
        if answer is None:
            if value:
                RegistrationAnswer.objects.create(registration=registration, question_id=question_id, value=value)
                changed = True
        elif answer.value != value:
            answer.value = value
            answer.save(update_fields=["value"])
            changed = True
    return changed


def answers_of(registration):
    """{question id: answer text} of one registration, for the change form."""
    return dict(registration.answers.values_list("question_id", "value"))


def waiting_position(registration):
    """Place on one's own list: a group's list counts that group only; the general list counts
    everyone, since people of every group may take a general place before you."""
    if registration.status != Status.WAITING:
        return None
    ahead = registration.atelier.registrations.filter(status=Status.WAITING, queued_at__lt=registration.queued_at)
    if registration.group_id is not None:
        ahead = ahead.filter(group_id=registration.group_id)
    return ahead.count() + 1


# -- lifecycle ---------------------------------------------------------------------------


def allowed_transitions(atelier):
    return TRANSITIONS[AtelierState(atelier.state)]


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


def _too_early_for(atelier, new_state):
    """Why `new_state` cannot be reached yet, or None: nothing after the event before it began."""
    if new_state in AFTER_THE_EVENT and not atelier.has_started:
        return _(
            "‘%(state)s’ kan pas als het kennisatelier begonnen is, op %(start)s uur. "
            "Verkeerd geklikt? Er is niets veranderd."
        ) % {"state": new_state.label, "start": _when(atelier.starts_at)}
    return None


def _log_state_change(atelier, action, old_state, new_state, user, **extra):
    """Record the step in the page's history in the Wagtail admin (see wagtail_hooks for the wording)."""
    audit.record(atelier, action, user=user, **{"from": old_state, "to": new_state, **extra})


def transition(atelier, new_state, *, user=None):
    """Move the atelier to its next state; opening the evaluation mails every attendee a link, once."""
    new_state = AtelierState(new_state)
    with seats_locked(atelier) as atelier:
        old_state = atelier.state
        if new_state not in allowed_transitions(atelier):
            raise AtelierError(
                _("Van ‘%(current)s’ kan een kennisatelier niet naar ‘%(new)s’.")
                % {"current": atelier.get_state_display(), "new": new_state.label}
            )
        if reason := _too_early_for(atelier, new_state):
            raise AtelierError(reason)
        _set_state(atelier, new_state)
        _log_state_change(atelier, "ateliers.state_change", old_state, new_state.value, user)
        if new_state == AtelierState.EVALUATION_OPEN:
            # The atelier lock keeps a second transition out until these are marked as mailed.
            attendees = list(
                atelier.registrations.filter(attended=True, evaluation__isnull=True, evaluation_mailed_at__isnull=True)
            )
            for registration in attendees:
                _enqueue_mail(registration, "evaluation")
            Registration.objects.filter(pk__in=[r.pk for r in attendees]).update(evaluation_mailed_at=timezone.now())
    return atelier


def undo_target(atelier):
    """The state one step back after the event, or None when there is nothing to undo."""
    state = AtelierState(atelier.state)
    if state == AtelierState.CANCELLED and atelier.has_started:
        return None  # nothing left to reopen: the participants were told it would not happen
    if state == AtelierState.CANCELLED and _state_before_call_off(atelier) == AtelierState.ANNOUNCED:
        return AtelierState.ANNOUNCED  # registration had not opened yet; taking back the call-off must not open it
    if state in (AtelierState.HELD, AtelierState.CANCELLED):
        return AtelierState.REGISTRATION_OPEN if places_of(atelier).free_total else AtelierState.FULL
    return UNDO.get(state)


def _state_before_call_off(atelier):
    """The state the atelier was called off from, as its page history recorded it (None if unknown)."""
    entry = (
        PageLogEntry.objects.filter(page_id=atelier.pk, action="ateliers.state_change", data__to=AtelierState.CANCELLED)
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.data.get("from") if entry else None


def undo_transition(atelier, *, user=None):
    """An organiser takes back the last step after the event (marked held too early, say).

    Taking back "held" revokes every certificate that was on offer: their codes no longer
    pass the public check, and the registrations get new codes for when the atelier is
    marked held again. Evaluation mails that went out are not sent again (see transition).
    Taking back a call-off reopens registration and raises the calendar SEQUENCE, so the next
    calendar file (a "changed" message, the registration page) puts back the event that the
    call-off removed; it mails nobody by itself.
    Returns the atelier; `atelier.revoked_certificates` says how many were revoked.
    """
    with seats_locked(atelier) as atelier:
        old_state = atelier.state
        target = undo_target(atelier)
        if target is None:
            raise AtelierError(
                _("Bij ‘%(state)s’ is er niets terug te zetten.") % {"state": atelier.get_state_display()}
            )
        revoked = _revoke_certificates(atelier) if old_state == AtelierState.HELD else 0
        if old_state == AtelierState.CANCELLED:
            atelier.called_off_at, atelier.calendar_sequence = None, atelier.calendar_sequence + 1
            AtelierPage.objects.filter(pk=atelier.pk).update(
                called_off_at=None, calendar_sequence=atelier.calendar_sequence
            )
        _set_state(atelier, target)
        _log_state_change(atelier, "ateliers.state_undo", old_state, target.value, user, revoked_certificates=revoked)
    atelier.revoked_certificates = revoked
    return atelier


def _revoke_certificates(atelier):
    revoked = 0
    attendees = atelier.registrations.select_for_update().filter(attended=True, certificate_code__isnull=False)
    for registration in attendees:
        if not certificate_available(registration):
            continue  # never on offer (no accreditation, anonymised): nothing to take back
        RevokedCertificate.objects.create(code=registration.certificate_code, registration=registration)
        registration.certificate_code = new_certificate_code()
        registration.save(update_fields=["certificate_code"])
        revoked += 1
    return revoked


def certificate_revoked(code):
    return RevokedCertificate.objects.filter(code=code).exists()


# -- attendance and certificates ---------------------------------------------------------


def set_attendance(registration, attended, *, user=None):
    """Check someone in at the door, or correct it afterwards (`user`: the staff member). Idempotent.

    Checking in opens CHECKIN_OPENS_BEFORE the start: a check-in weeks ahead can only be a
    mistake, and it would lead to a certificate. Taking a check-in back is always possible.
    """
    if registration.status != Status.CONFIRMED and attended:
        raise AtelierError(_("Alleen aangemelde deelnemers kunnen worden ingecheckt."))
    opens = registration.atelier.starts_at - CHECKIN_OPENS_BEFORE
    if attended and timezone.now() < opens:
        raise AtelierError(
            _("Inchecken kan pas vanaf %(opens)s uur, %(hours)s uur voor het begin van het kennisatelier.")
            % {"opens": _when(opens), "hours": int(CHECKIN_OPENS_BEFORE.total_seconds() // 3600)}
        )
    changed = registration.attended != attended
    registration.attended = attended
    registration.checked_in_at = timezone.now() if attended else None
    if attended and not registration.certificate_code:
        registration.certificate_code = new_certificate_code()
    with transaction.atomic():
        registration.save(update_fields=["attended", "checked_in_at", "certificate_code"])
        if changed:
            _log_registration(registration, registration.atelier, "ateliers.attendance", user, attended=attended)
    return registration


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
            "remarks": registration.remarks,
            "answers": {answer.question.text: answer.value for answer in registration.answers.all()},
            "attended": registration.attended,
            "certificate_code": registration.certificate_code,
        }
        for registration in Registration.objects.filter(user=user)
        .select_related("atelier")
        .prefetch_related("answers__question")
    ]


def anonymise_member_registrations(user):
    """Remove the person but keep the counts (attendance, background mix) in the reports."""
    for registration in Registration.objects.filter(user=user):
        registration.user = None
        registration.name = ""
        registration.email = f"geanonimiseerd-{registration.pk}@invalid.example"
        registration.organisation_name = ""
        registration.register_numbers = {}
        registration.remarks = ""
        registration.certificate_code = None
        registration.anonymised = True
        registration.save()
    RegistrationAnswer.objects.filter(registration__user__isnull=True, registration__anonymised=True).delete()
    CalendarFeed.objects.filter(user=user).delete()  # nobody's calendar keeps reading a deleted member's
    EvaluationResponse.objects.filter(registration__user__isnull=True, registration__anonymised=True).update(
        comments=""
    )
