"""Background mail for registrations. Runs in the task worker, after the registration is committed."""

import unicodedata

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core.object_keys import pk_of
from notifications import kinds
from notifications.models import Delivery

from . import links
from .calendar import calendar_method, registration_ics
from .certificates import certificate_available
from .models import OrganiserMessage, Registration
from .qr import qr_png

SUBJECTS = {
    "confirm_email": _("Bevestig je aanmelding voor het kennisatelier"),
    "confirmed": _("Je bent aangemeld voor het kennisatelier"),
    "waiting": _("Je staat op de wachtlijst voor het kennisatelier"),
    "promoted": _("Er is een plek vrijgekomen: je bent aangemeld voor het kennisatelier"),
    "evaluation": _("Hoe was het kennisatelier? Geef je mening"),
    "cancelled": _("Je bent afgemeld voor het kennisatelier"),
    "fresh_link": _("Je nieuwe link voor het kennisatelier"),
    "offered": _("Er is een plek vrij: neem hem aan voor het kennisatelier"),
    "offer_expired": _("Het aanbod is verlopen voor het kennisatelier"),
    "changed": _("Je aanmelding is gewijzigd voor het kennisatelier"),
    "reminder": _("Herinnering: binnenkort het kennisatelier"),
}
# Long enough for any subject line plus a normal title; mail clients cut off earlier anyway.
MAX_SUBJECT_LENGTH = 150


def atelier_mail_subject(lead, title):
    """`lead: title` as one safe header line, whatever an editor, import or API put in the title.

    A line break in a header makes Django refuse the whole message (BadHeaderError), so every
    run of whitespace (line and paragraph separators included) becomes one space, other
    control characters go, and an overlong title is cut off with an ellipsis.
    """
    title = " ".join(str(title).split())
    title = "".join(char for char in title if not unicodedata.category(char).startswith("C"))
    subject = f"{lead}: {title}"
    if len(subject) > MAX_SUBJECT_LENGTH:
        subject = subject[: MAX_SUBJECT_LENGTH - 1].rstrip() + "…"
    return subject


# Mails that hand out a seat carry the calendar file and the QR code for the door.
WITH_TICKET = {"confirmed", "promoted", "reminder"}


def _registration_to_mail(registration_id):
    """The registration with its atelier, or None when it is gone or anonymised (nobody to mail)."""
    registration = Registration.objects.select_related("atelier").filter(pk=registration_id).first()
    return None if registration is None or registration.anonymised else registration


def _registration_context(registration, kind):
    atelier = registration.atelier
    return {
        "registration": registration,
        "atelier": atelier,
        "kind": kind,
        "atelier_url": links.atelier_url(atelier),
        "confirm_url": links.confirm_url(registration),
        "manage_url": links.manage_url(registration),
        "accept_offer_url": links.accept_offer_url(registration),
        "answers": registration.answers.select_related("question").order_by("question__sort_order"),
        "evaluation_url": links.evaluation_url(registration),
        "certificate_available": certificate_available(registration),
    }


def _ticket(registration):
    """The calendar file and the QR code for the door, as (filename, content, mimetype)."""
    return [
        ("kennisatelier.ics", registration_ics(registration), _ics_type(registration.atelier)),
        ("inchecken.png", qr_png(links.checkin_url(registration)), "image/png"),
    ]


@task()
def send_registration_mail(registration_id, kind):
    registration = _registration_to_mail(registration_id)
    if registration is None:
        return
    atelier = registration.atelier
    # The registrant's language, stored when they registered: subject, body and links follow it.
    with translation.override(registration.language or "nl"):
        body = render_to_string(f"ateliers/email/{kind}.txt", _registration_context(registration, kind))
        message = EmailMultiAlternatives(
            subject=atelier_mail_subject(SUBJECTS[kind], atelier.title),
            body=body,
            to=[registration.email],
        )
        if kind in WITH_TICKET:
            for attachment in _ticket(registration):
                message.attach(*attachment)
        message.send()


# -- the reminder before an atelier, for members through the notification service --------

ATELIER_REMINDER = "atelier_reminder"


def reminder_message(notification):
    """The reminder for a member (`services.send_reminders`), written when it is sent in the
    member's language: the same text, calendar file and QR code a guest gets, and nothing when
    the seat was given up or the atelier called off since."""
    pk = pk_of(notification.subject_key)
    registration = _registration_to_mail(pk) if pk is not None else None
    if (
        registration is None
        or registration.status != Registration.Status.CONFIRMED
        or registration.user_id != notification.user_id
        or registration.atelier.starts_at <= timezone.now()
    ):
        return None
    context = _registration_context(registration, "reminder")
    return kinds.Message(
        subject=atelier_mail_subject(SUBJECTS["reminder"], registration.atelier.title),
        title=atelier_mail_subject(SUBJECTS["reminder"], registration.atelier.title),
        url=context["manage_url"],
        template="ateliers/email/reminder.txt",
        context=context,
        attachments=_ticket(registration),
    )


kinds.register(
    ATELIER_REMINDER,
    _("Herinnering voor een kennisatelier"),
    _("Een paar dagen voor een kennisatelier waarvoor u bent aangemeld, met het agenda-bestand en de QR-code."),
    Delivery.IMMEDIATELY,  # a reminder in next week's overview would come after the atelier
    reminder_message,
)


def _ics_type(atelier):
    return f"text/calendar; method={calendar_method(atelier)}"


@task()
def send_organiser_message_mail(message_id, registration_id):
    """One organiser's message to one participant; a change or a call-off carries the updated calendar file."""
    organiser_message = OrganiserMessage.objects.select_related("atelier").filter(pk=message_id).first()
    registration = _registration_to_mail(registration_id)
    if organiser_message is None or registration is None:
        return
    atelier = registration.atelier
    with translation.override(registration.language or "nl"):
        context = {
            "registration": registration,
            "atelier": atelier,
            "message": organiser_message,
            "atelier_url": links.atelier_url(atelier),
            "manage_url": links.manage_url(registration),
        }
        mail = EmailMultiAlternatives(
            subject=atelier_mail_subject(organiser_message.subject, atelier.title),
            body=render_to_string("ateliers/email/organiser_message.txt", context),
            to=[registration.email],
        )
        if (
            organiser_message.kind != OrganiserMessage.Kind.MESSAGE
            and registration.status in Registration.SEAT_STATUSES
        ):
            mail.attach("kennisatelier.ics", registration_ics(registration), _ics_type(atelier))
        mail.send()


FRESH_LINKS = {
    "confirm": links.confirm_url,
    "manage": links.manage_url,
    "checkin": links.checkin_url,
    "evaluate": links.evaluation_url,
}


@task()
def send_fresh_link_mail(registration_id, purpose):
    """A new link for someone whose link expired and who asked for one (services.request_fresh_link)."""
    registration = _registration_to_mail(registration_id)
    if registration is None or purpose not in FRESH_LINKS:
        return
    atelier = registration.atelier
    with translation.override(registration.language or "nl"):
        context = {
            "registration": registration,
            "atelier": atelier,
            "purpose": purpose,
            "link": FRESH_LINKS[purpose](registration),
        }
        EmailMultiAlternatives(
            subject=atelier_mail_subject(SUBJECTS["fresh_link"], atelier.title),
            body=render_to_string("ateliers/email/fresh_link.txt", context),
            to=[registration.email],
        ).send()
