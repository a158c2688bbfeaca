"""The accreditation record: points per professional register, per registration period.

A professional keeps a registration (SKJ, NIP, NVO, BIG) by collecting accreditation points
within each registration period and re-registers at its end; SKJ's periods last five years
(`accounts.registers.CYCLE_YEARS`). The member says when their current period with a register
began (`ProfessionalRegistration.period_start`); periods ("cycles") of that length run forwards
and backwards from that date, so every date falls in exactly one cycle.

Pure: everything comes in as plain values (the member's registrations in registers, their atelier
registrations from `ateliers.member_overview`, today's date) and nothing is read or written, so
the rules below are tested exhaustively with hypothesis (tests/members/test_accreditation.py).

The rules:

* An atelier earns points only with a certificate: the registration is confirmed (not
  cancelled, not on the waiting list), the member was there (`attended`) and the atelier has
  taken place (`held`). The same conditions as `ateliers.certificates.certificate_available`.
* Points for a register come only from that register's granted accreditation of the atelier,
  and only for registers the member holds: an atelier accredited by SKJ alone gives a
  psychologist's NIP registration nothing.
* A cycle runs from its first day *inclusive* to the same date `CYCLE_YEARS` later
  *exclusive*: an atelier on the anniversary of the period start belongs to the next cycle.
  A period that starts on 29 February has its anniversaries on 28 February in other years.
* Without a start date the register has one open list, `Cycle(start=None)`, with all its points:
  the page asks for the date instead of guessing one.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from accounts.registers import CYCLE_YEARS, Register

CONFIRMED = "confirmed"


@dataclass(frozen=True)
class Holding:
    """One register the member holds: the register's value ("skj"), the number, the period start."""

    register: str
    number: str
    period_start: datetime.date | None = None

    @property
    def label(self):
        return dict(Register.choices).get(self.register, self.register)


@dataclass(frozen=True)
class Entry:
    """One atelier's points in one cycle of one register."""

    attendance: object  # an ateliers.member_overview.MemberRegistration
    points: Decimal
    reference: str


@dataclass
class Cycle:
    start: datetime.date | None
    end: datetime.date | None  # exclusive
    entries: list = field(default_factory=list)
    is_current: bool = False

    @property
    def last_day(self):
        """The end as people write it: the last day that still belongs to the cycle."""
        return self.end - datetime.timedelta(days=1) if self.end else None

    @property
    def total(self):
        return sum((entry.points for entry in self.entries), Decimal(0))

    @property
    def key(self):
        """How a URL names the cycle: its first day, or "open" for the list without a start date."""
        return self.start.isoformat() if self.start else "open"


@dataclass
class RegisterRecord:
    holding: Holding
    cycle_years: int
    cycles: list  # newest first; the current cycle is always among them

    @property
    def current(self):
        return next(cycle for cycle in self.cycles if cycle.is_current)

    @property
    def earlier(self):
        return [cycle for cycle in self.cycles if not cycle.is_current]

    def cycle(self, key):
        return next((cycle for cycle in self.cycles if cycle.key == key), None)


def earns_points(attendance):
    """Attended a held atelier on a confirmed registration: what a certificate proves."""
    return attendance.status == CONFIRMED and attendance.attended and attendance.held


def add_years(day, years):
    """The same date `years` later (or earlier); 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cycle_bounds(period_start, cycle_years, day):
    """(first day, first day after) of the cycle that holds `day`; cycles are anchored at `period_start`."""
    # By year alone the cycle is right or one too late (the day comes before that year's
    # anniversary); the next cycle starts in a later year than `day`, so it is never too early.
    index = (day.year - period_start.year) // cycle_years
    if add_years(period_start, index * cycle_years) > day:
        index -= 1
    return add_years(period_start, index * cycle_years), add_years(period_start, (index + 1) * cycle_years)


def register_record(holding, attendances, today):
    """The record of one register: its current cycle and every earlier (or later) one with points."""
    cycle_years = CYCLE_YEARS.get(holding.register, 5)
    cycles = {}

    def cycle_for(day):
        if holding.period_start is None:
            bounds = (None, None)
        else:
            bounds = cycle_bounds(holding.period_start, cycle_years, day)
        if bounds not in cycles:
            cycles[bounds] = Cycle(*bounds)
        return cycles[bounds]

    cycle_for(today).is_current = True
    for attendance in sorted(attendances, key=lambda a: a.date):
        credit = attendance.credits.get(holding.register)
        if credit is None or not earns_points(attendance):
            continue
        cycle_for(attendance.date).entries.append(Entry(attendance, Decimal(credit.points), credit.reference))
    ordered = sorted(cycles.values(), key=lambda cycle: cycle.start or datetime.date.min, reverse=True)
    return RegisterRecord(holding=holding, cycle_years=cycle_years, cycles=ordered)


def accreditation_record(holdings, attendances, today):
    """One `RegisterRecord` per register the member holds, in the order of `holdings`."""
    attendances = list(attendances)
    return [register_record(holding, attendances, today) for holding in holdings]
