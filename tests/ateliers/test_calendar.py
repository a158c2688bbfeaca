"""Calendar files carry the time zone they refer to (RFC 5545 §3.2.19, issue #13.9).

Events say `DTSTART;TZID=Europe/Amsterdam:…`; without a VTIMEZONE with that TZID in the same
file a calendar may not know the zone and put the atelier an hour off (or refuse the file).
"""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers import services
from ateliers.calendar import registration_ics

from .conftest import register_guest

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def days_until(month, day):
    """Days from today to the next 15 January or 15 July (always in the future)."""
    today = timezone.localdate()
    target = datetime.date(today.year, month, day)
    if target <= today:
        target = target.replace(year=today.year + 1)
    return (target - today).days


def tzids_used(calendar):
    """Every TZID parameter on a property of an event."""
    return {
        value.params["TZID"]
        for event in calendar.walk("VEVENT")
        for value in event.values()
        if hasattr(value, "params") and "TZID" in value.params
    }


def assert_time_zones_defined_for(calendar, ateliers):
    timezones = {str(component["TZID"]): component for component in calendar.walk("VTIMEZONE")}
    used = tzids_used(calendar)
    assert used == {"Europe/Amsterdam"}
    assert used <= set(timezones)
    # The VTIMEZONE's own rules (not Python's zoneinfo) give the right offset on each atelier's day.
    defined = timezones["Europe/Amsterdam"].to_tz(lookup_tzid=False)  # from the file, not a lookup
    for atelier in ateliers:
        local_start = datetime.datetime.combine(atelier.date, atelier.start_time)
        expected = local_start.replace(tzinfo=AMSTERDAM).utcoffset()
        assert local_start.replace(tzinfo=defined).utcoffset() == expected


@pytest.mark.parametrize(("month", "offset_hours"), [(1, 1), (7, 2)])
def test_the_registration_calendar_file_defines_its_time_zone(make_atelier, month, offset_hours):
    atelier = make_atelier(days_ahead=days_until(month, 15))
    registration = register_guest(atelier, 1)
    calendar = icalendar.Calendar.from_ical(registration_ics(registration))
    assert_time_zones_defined_for(calendar, [atelier])
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(hours=offset_hours)


def test_the_feed_defines_its_time_zone_for_winter_and_summer_ateliers(client, make_atelier):
    ateliers = [
        make_atelier(title="Winteratelier", days_ahead=days_until(1, 15)),
        make_atelier(title="Zomeratelier", days_ahead=days_until(7, 15)),
    ]
    calendar = icalendar.Calendar.from_ical(client.get(reverse("ateliers:feed")).content)
    assert len(calendar.walk("VEVENT")) == 2
    assert_time_zones_defined_for(calendar, ateliers)
    # The zone comes before the events that use it.
    components = [component.name for component in calendar.subcomponents]
    assert components.index("VTIMEZONE") < components.index("VEVENT")


def test_manage_page_calendar_download_defines_its_time_zone(client, atelier):
    registration = register_guest(atelier, 1)
    response = client.get(reverse("ateliers:registration_ics", args=[services.make_token(registration, "manage")]))
    assert_time_zones_defined_for(icalendar.Calendar.from_ical(response.content), [atelier])
