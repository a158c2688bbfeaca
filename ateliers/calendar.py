"""iCalendar files: one per registration (mail attachment) and a feed of upcoming ateliers.

Times are written in local time with `TZID=Europe/Amsterdam`; RFC 5545 (§3.2.19) wants the
file to define that zone itself, so `_with_time_zones` adds a VTIMEZONE generated from
zoneinfo, covering the years of the ateliers in the file (a few hundred bytes, not 1970–2038).
"""

import datetime

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress, vText

from .links import atelier_url

PRODID = "-//Samen Preventief//Kennisateliers//NL"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def atelier_event(atelier, *, status=None):
    """The atelier as one VEVENT. The UID never changes; SEQUENCE goes up with every change the
    participants were told about and STATUS says CANCELLED once it is called off, so a calendar
    updates (or removes) the event it already has instead of adding a second one."""
    event = Event()
    event.add("uid", f"atelier-{atelier.pk}@samenpreventief.nl")
    event.add("sequence", atelier.calendar_sequence)
    status = status or ("CANCELLED" if atelier.called_off_at else "CONFIRMED")
    event.add("summary", f"Kennisatelier: {atelier.title}")
    event.add("dtstart", atelier.starts_at)
    event.add("dtend", atelier.ends_at)
    event.add("dtstamp", timezone.now())
    event.add("status", status)
    location = ", ".join(part for part in (atelier.venue, atelier.venue_address) if part)
    if location:
        event.add("location", vText(location))
    event.add("description", atelier.summary or strip_tags(atelier.description)[:500])
    event.add("url", atelier_url(atelier))
    organizer = vCalAddress("mailto:kennisateliers@samenpreventief.nl")
    organizer.params["cn"] = vText("Samen Preventief")
    event["organizer"] = organizer
    return event


def _with_time_zones(calendar, ateliers):
    """Add a VTIMEZONE for every TZID the events use, valid from the first to the last atelier's year."""
    dates = [atelier.date for atelier in ateliers]
    if dates:
        calendar.add_missing_timezones(
            first_date=datetime.date(min(dates).year, 1, 1), last_date=datetime.date(max(dates).year + 1, 1, 1)
        )
    return calendar


def registration_ics(registration):
    """One participant's calendar file; for an atelier that was called off, a METHOD:CANCEL."""
    calendar = _calendar("Kennisatelier")
    calendar.add("method", calendar_method(registration.atelier))
    calendar.add_component(atelier_event(registration.atelier))
    return _with_time_zones(calendar, [registration.atelier]).to_ical()


def calendar_method(atelier):
    return "CANCEL" if atelier.called_off_at else "PUBLISH"


def upcoming_feed(ateliers):
    ateliers = list(ateliers)
    calendar = _calendar("Kennisateliers Samen Preventief")
    calendar.add("x-published-ttl", "PT12H")
    for atelier in ateliers:
        calendar.add_component(atelier_event(atelier))
    return _with_time_zones(calendar, ateliers).to_ical()


def member_feed(registrations):
    """A member's own registrations as a subscribable calendar; a place on the waiting list (or on
    offer) is TENTATIVE, a called-off atelier CANCELLED. Nothing about the member is in it."""
    registrations = list(registrations)
    calendar = _calendar("Mijn kennisateliers – Samen Preventief")
    calendar.add("x-published-ttl", "PT1H")
    for registration in registrations:
        atelier = registration.atelier
        status = None if registration.holds_seat or atelier.called_off_at else "TENTATIVE"
        calendar.add_component(atelier_event(atelier, status=status))
    return _with_time_zones(calendar, [registration.atelier for registration in registrations]).to_ical()
