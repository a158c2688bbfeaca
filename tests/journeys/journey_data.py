"""What an operator sets up for the journeys on top of the demo content, added once per pytest
run when the journey database is built (tests/journeys/conftest.py, `build_template`).

- an organiser of ateliers (in the demo's "Atelierorganisatoren" group and a member of ST-RAW,
  which co-organises the journeys' ateliers: organisers run only their own organisation's);
- "Reisatelier: vandaag afgelopen": accredited (SKJ, 3 points), registration still open, held
  earlier today, so it has ended by the time the organiser marks it held;
- "Reisatelier: één plek": one seat, so the second person lands on the waiting list;
- "Reisatelier: verhuist": a month ahead, for the organiser's venue change and call-off;
- "Reisatelier: overmorgen": in two days with a three-day reminder window, and a member who
  registered for it a week ago, so `send_atelier_reminders` has her reminder to send.
"""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

ORGANISER = "organisator@reis.example"
PASSWORD = "demo-wachtwoord-2026"
ENDED_ATELIER = "Reisatelier: vandaag afgelopen"
ONE_SEAT_ATELIER = "Reisatelier: één plek"
ACCREDITATION_REFERENCE = "SKJ-REIS-2026"
MOVING_ATELIER = "Reisatelier: verhuist"
SOON_ATELIER = "Reisatelier: overmorgen"
REMINDED_MEMBER = "herinnering@reis.example"


def _atelier(series, title, slug, date, start, end, capacity, accreditations, **fields):
    from ateliers.models import AtelierPage, AtelierState
    from organisations.models import Organisation

    atelier = AtelierPage(
        title=title,
        slug=slug,
        date=date,
        start_time=start,
        end_time=end,
        venue="Timmerhuis, Rotterdam",
        capacity=capacity,
        summary="Een kennisatelier voor de reizen door het platform.",
        description="<p>Een kennisatelier voor de reizen door het platform.</p>",
        accreditations=accreditations,
        **fields,
    )
    series.add_child(instance=atelier)
    atelier.co_organisers.set([Organisation.objects.get(short_name="ST-RAW")])
    atelier.save_revision().publish()
    AtelierPage.objects.filter(pk=atelier.pk).update(state=AtelierState.REGISTRATION_OPEN)
    return atelier


def load():
    from accounts.models import User
    from ateliers.models import Accreditation, AtelierSeriesPage
    from organisations.models import Membership, Organisation

    organiser = User.objects.create_user(email=ORGANISER, password=PASSWORD, first_name="Olaf", last_name="Organisator")
    EmailAddress.objects.create(user=organiser, email=ORGANISER, verified=True, primary=True)
    organiser.groups.add(Group.objects.get(name="Atelierorganisatoren"))
    Membership.objects.create(organisation=Organisation.objects.get(short_name="ST-RAW"), user=organiser)

    series = AtelierSeriesPage.objects.get(locale__language_code="nl")
    today = timezone.localdate()
    _atelier(
        series,
        ENDED_ATELIER,
        "reisatelier-vandaag-afgelopen",
        today,
        datetime.time(0, 0),
        datetime.time(0, 1),
        20,
        [Accreditation(register="skj", status="granted", reference=ACCREDITATION_REFERENCE, points=Decimal("3"))],
    )
    _atelier(
        series,
        ONE_SEAT_ATELIER,
        "reisatelier-een-plek",
        today + datetime.timedelta(days=30),
        datetime.time(15, 0),
        datetime.time(17, 0),
        1,
        [],
    )
    _atelier(
        series,
        MOVING_ATELIER,
        "reisatelier-verhuist",
        today + datetime.timedelta(days=30),
        datetime.time(13, 0),
        datetime.time(16, 0),
        20,
        [],
    )
    soon = _atelier(
        series,
        SOON_ATELIER,
        "reisatelier-overmorgen",
        today + datetime.timedelta(days=2),
        datetime.time(10, 0),
        datetime.time(12, 0),
        20,
        [],
        reminder_days=3,
    )
    _registered_a_week_ago(soon)


def _registered_a_week_ago(atelier):
    """A member registered through the rules a week ago (dated back: the reminder skips anyone who
    registered in the last day, as their confirmation just told them everything)."""
    from accounts.models import User
    from ateliers import services
    from ateliers.models import Background, Registration

    member = User.objects.create_user(
        email=REMINDED_MEMBER, password=PASSWORD, first_name="Hanna", last_name="Herinnering"
    )
    EmailAddress.objects.create(user=member, email=REMINDED_MEMBER, verified=True, primary=True)
    registration = services.register(
        atelier, email=member.email, name=member.get_full_name(), background=Background.WIJKTEAM, user=member
    )
    week_ago = timezone.now() - datetime.timedelta(days=7)
    Registration.objects.filter(pk=registration.pk).update(created_at=week_ago, queued_at=week_ago)
