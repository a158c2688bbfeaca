"""The accreditation record (members/accreditation.py): pure, so tested without a database.

Examples pin the documented boundaries (a cycle includes its first day and excludes the
anniversary; 29 February), and hypothesis checks that the totals add up for any mix of
registers, period starts, statuses and accreditations.
"""

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ateliers.member_overview import Credit, MemberRegistration
from members.accreditation import Holding, accreditation_record, add_years, cycle_bounds, earns_points

TODAY = datetime.date(2026, 12, 1)
SKJ_START = datetime.date(2022, 3, 15)


def attendance(day, credits=None, status="confirmed", attended=True, held=True, n=1):
    return MemberRegistration(
        registration_id=n,
        atelier_title=f"Atelier {n}",
        date=day,
        organiser="ST-RAW",
        status=status,
        attended=attended,
        held=held,
        credits={"skj": Credit(Decimal("2.0"), "SKJ-1")} if credits is None else credits,
    )


def test_a_cycle_includes_its_first_day_and_excludes_the_anniversary():
    (record,) = accreditation_record(
        [Holding("skj", "SKJ110012345", SKJ_START)],
        [
            attendance(SKJ_START, n=1),  # first day of the current cycle
            attendance(datetime.date(2027, 3, 14), n=2),  # last day of the current cycle
            attendance(datetime.date(2022, 3, 14), n=3),  # the day before: the previous cycle
        ],
        TODAY,
    )
    current = record.current
    assert (current.start, current.end, current.last_day) == (
        SKJ_START,
        datetime.date(2027, 3, 15),
        datetime.date(2027, 3, 14),
    )
    assert [entry.attendance.registration_id for entry in current.entries] == [1, 2]
    assert current.total == Decimal("4.0")
    (earlier,) = record.earlier
    assert (earlier.start, earlier.end) == (datetime.date(2017, 3, 15), SKJ_START)
    assert [entry.attendance.registration_id for entry in earlier.entries] == [3]
    assert record.cycle_years == 5


def test_an_atelier_on_the_anniversary_opens_the_next_cycle():
    assert cycle_bounds(SKJ_START, 5, datetime.date(2027, 3, 15)) == (
        datetime.date(2027, 3, 15),
        datetime.date(2032, 3, 15),
    )


def test_a_period_starting_on_29_february_has_its_anniversaries_on_28_february():
    assert add_years(datetime.date(2024, 2, 29), 5) == datetime.date(2029, 2, 28)
    assert add_years(datetime.date(2024, 2, 29), 4) == datetime.date(2028, 2, 29)
    assert cycle_bounds(datetime.date(2024, 2, 29), 5, datetime.date(2029, 2, 28))[0] == datetime.date(2029, 2, 28)


def test_only_attended_confirmed_registrations_of_held_ateliers_earn_points():
    day = datetime.date(2024, 6, 6)
    (record,) = accreditation_record(
        [Holding("skj", "SKJ110012345", SKJ_START)],
        [
            attendance(day, n=1),
            attendance(day, status="cancelled", n=2),
            attendance(day, status="waiting", attended=False, n=3),
            attendance(day, attended=False, n=4),  # registered, did not come
            attendance(day, held=False, n=5),  # checked in, atelier not marked held yet
        ],
        TODAY,
    )
    assert [entry.attendance.registration_id for entry in record.current.entries] == [1]


def test_registers_count_only_their_own_accreditations():
    day = datetime.date(2024, 6, 6)
    records = accreditation_record(
        [Holding("nip", "NIP12345", SKJ_START), Holding("skj", "SKJ110012345", SKJ_START)],
        [
            attendance(day, credits={"skj": Credit(Decimal("2.0"), "SKJ-1")}, n=1),
            attendance(day, credits={"skj": Credit(Decimal("1.5"), "S"), "nip": Credit(Decimal("3"), "N")}, n=2),
        ],
        TODAY,
    )
    nip, skj = records
    assert [(e.attendance.registration_id, e.points) for e in nip.current.entries] == [(2, Decimal("3"))]
    assert skj.current.total == Decimal("3.5")


def test_without_a_period_start_all_points_are_in_one_open_list():
    (record,) = accreditation_record(
        [Holding("skj", "SKJ110012345", None)],
        [attendance(datetime.date(2010, 1, 7), n=1), attendance(datetime.date(2025, 1, 9), n=2)],
        TODAY,
    )
    assert len(record.cycles) == 1
    assert record.current.start is None and record.current.key == "open"
    assert record.current.total == Decimal("4.0")


def test_the_current_cycle_is_shown_even_without_points_and_follows_today():
    (record,) = accreditation_record([Holding("skj", "SKJ110012345", datetime.date(2015, 1, 1))], [], TODAY)
    # The member never updated the start after re-registering in 2025: today is in the third cycle.
    assert (record.current.start, record.current.total) == (datetime.date(2025, 1, 1), 0)
    assert record.earlier == []


# --- properties ---------------------------------------------------------------------------

REGISTERS = ["skj", "nip", "nvo", "big"]
days = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31))
points = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("40"), places=1)
credits = st.dictionaries(
    st.sampled_from(REGISTERS), st.builds(Credit, points, st.text(alphabet="ABC-123", max_size=8)), max_size=4
)
attendances = st.lists(
    st.builds(
        MemberRegistration,
        registration_id=st.integers(1, 10_000),
        atelier_title=st.just("Atelier"),
        date=days,
        organiser=st.just("ST-RAW"),
        status=st.sampled_from(["pending", "confirmed", "waiting", "cancelled"]),
        attended=st.booleans(),
        held=st.booleans(),
        credits=credits,
    ),
    max_size=25,
)
holdings = st.lists(
    st.builds(Holding, st.sampled_from(REGISTERS), st.just("123456"), st.none() | days),
    max_size=4,
    unique_by=lambda holding: holding.register,
)


@settings(max_examples=200, deadline=None)
@given(holdings=holdings, attendances=attendances, today=days)
def test_the_totals_add_up_across_registers_and_cycles(holdings, attendances, today):
    records = accreditation_record(holdings, attendances, today)
    assert [record.holding for record in records] == holdings
    for record in records:
        register = record.holding.register
        earning = [a for a in attendances if earns_points(a) and register in a.credits]
        placed = [entry.attendance for cycle in record.cycles for entry in cycle.entries]
        # Every earning atelier is in exactly one cycle of this register, and nothing else is.
        assert sorted(map(id, placed)) == sorted(map(id, earning))
        # Cancelled, waiting, pending, absent or not-yet-held registrations give nothing.
        assert all(a.status == "confirmed" and a.attended and a.held for a in placed)
        # Only the register's own accreditation counts, at its own value.
        for cycle in record.cycles:
            for entry in cycle.entries:
                assert entry.points == entry.attendance.credits[register].points
        # Sum over cycles == sum over attended accredited ateliers.
        assert sum(cycle.total for cycle in record.cycles) == sum(
            (a.credits[register].points for a in earning), Decimal(0)
        )
        # Exactly one current cycle, and it holds today; every entry lies inside its cycle.
        assert sum(cycle.is_current for cycle in record.cycles) == 1
        for cycle in record.cycles:
            if cycle.start is not None:
                start = record.holding.period_start
                assert cycle_bounds(start, record.cycle_years, cycle.start) == (cycle.start, cycle.end)
                assert all(cycle.start <= entry.attendance.date < cycle.end for entry in cycle.entries)
        if record.holding.period_start is not None:
            assert record.current.start <= today < record.current.end
        # Cycles do not overlap: newest first, each ends where (or before) the next newer starts.
        dated = [cycle for cycle in record.cycles if cycle.start is not None]
        assert all(newer.start >= older.end for newer, older in zip(dated, dated[1:], strict=False))


@given(start=days, day=days, years=st.integers(1, 7))
def test_every_day_falls_in_exactly_one_cycle(start, day, years):
    first, after = cycle_bounds(start, years, day)
    assert first <= day < after
    # Both bounds are anniversaries of the period start, one cycle apart.
    index = (first.year - start.year) // years
    assert (first.year - start.year) % years == 0
    assert (first, after) == (add_years(start, index * years), add_years(start, (index + 1) * years))
