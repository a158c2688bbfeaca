"""Read-only: one member's atelier registrations, as plain values for their personal page.

"Mijn Samen Preventief" (the `members` app) lists a member's registrations and builds their
accreditation record from them. It must not need to know how ateliers store registrations,
accreditations or signed links, and nothing here changes anything: the rules that move a
registration along stay in `services.py`. What a registration earns is decided in one place,
`members.accreditation`, from the plain facts given here (status, attended, held, credits).

The links are fresh signed links of the same kind as those in the registration mails (the
manage page, its calendar file and certificate): the member is logged in and sees only their
own registrations, so the page can hand them out without a mail round trip.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import foreign_language, visitor_language_items

from .certificates import certificate_available
from .links import make_token
from .models import AFTER_THE_EVENT, AtelierSeriesPage, Registration


@dataclass(frozen=True)
class Credit:
    """What one atelier's accreditation by one register is worth."""

    points: Decimal
    reference: str = ""


@dataclass(frozen=True)
class MemberRegistration:
    """One registration of the member, with what the personal page and the record need."""

    registration_id: int
    atelier_title: str
    date: datetime.date
    organiser: str
    # Registration.Status value: pending, confirmed, waiting, cancelled.
    status: str
    attended: bool
    # The atelier has taken place (held, evaluation open, processed, lessons published).
    held: bool
    # Granted accreditations only, by register value ("skj"): what a certificate lists.
    credits: dict = field(default_factory=dict)
    certificate_code: str | None = None
    atelier_url: str | None = None
    manage_url: str | None = None
    calendar_url: str | None = None
    certificate_url: str | None = None
    certificate_check_url: str | None = None
    # The title's language when it is not the interface's (a Dutch title under /en/), else "".
    atelier_title_language: str = ""

    @property
    def is_upcoming(self):
        return not self.held and self.date >= timezone.localdate()

    @property
    def status_label(self):
        """The status as the member reads it: "attended" is what counts after the event."""
        if self.status == Registration.Status.CONFIRMED and self.attended:
            return _ATTENDED_LABEL
        if self.status == Registration.Status.CONFIRMED and self.held:
            return _ABSENT_LABEL
        return Registration.Status(self.status).label


# Lazy, so the label follows the language of the page that shows it.
_ATTENDED_LABEL = _("Aanwezig geweest")
_ABSENT_LABEL = _("Niet aanwezig geweest")


def _organiser(atelier):
    return ", ".join(sorted(organisation.name for organisation in atelier.co_organisers.all()))


def registrations_of(user, request=None):
    """Every registration of `user` (anonymised ones have no user any more), oldest atelier first."""
    registrations = (
        Registration.objects.filter(user=user, anonymised=False)
        .select_related("atelier")
        .prefetch_related("atelier__accreditations", "atelier__co_organisers")
        .order_by("atelier__date", "atelier__start_time", "pk")
    )
    registrations = list(registrations)
    # Under /en/ an atelier with a published English translation is named in English (one query).
    visitor_language_items([registration.atelier for registration in registrations])
    result = []
    for registration in registrations:
        atelier = registration.atelier
        token = make_token(registration, "manage")
        held = atelier.state in AFTER_THE_EVENT
        has_certificate = certificate_available(registration)
        code = registration.certificate_code if has_certificate else None
        result.append(
            MemberRegistration(
                registration_id=registration.pk,
                atelier_title=atelier.title,
                atelier_title_language=foreign_language(atelier),
                date=atelier.date,
                organiser=_organiser(atelier),
                status=registration.status,
                attended=registration.attended,
                held=held,
                credits={
                    accreditation.register: Credit(accreditation.points, accreditation.reference)
                    for accreditation in atelier.granted_accreditations()
                },
                certificate_code=code,
                atelier_url=atelier.get_url(request) if atelier.live else None,
                manage_url=reverse("ateliers:manage", args=[token]),
                calendar_url=(
                    reverse("ateliers:registration_ics", args=[token])
                    if registration.status != Registration.Status.CANCELLED and not held
                    else None
                ),
                certificate_url=reverse("ateliers:certificate", args=[token]) if has_certificate else None,
                certificate_check_url=reverse("ateliers:certificate_check", args=[code]) if code else None,
            )
        )
    return result


def ateliers_overview_url(request=None):
    """Where a member finds ateliers to register for (the series page), or None before set-up."""
    series = AtelierSeriesPage.objects.live().first()
    return series.get_url(request) if series else None
