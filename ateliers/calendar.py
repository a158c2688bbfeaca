"""iCalendar files: one per registration (mail attachment) and a feed of upcoming ateliers."""

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


def atelier_event(atelier, *, status="CONFIRMED"):
    event = Event()
    event.add("uid", f"atelier-{atelier.pk}@samenpreventief.nl")
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


def registration_ics(registration):
    calendar = _calendar("Kennisatelier")
    calendar.add("method", "PUBLISH")
    calendar.add_component(atelier_event(registration.atelier))
    return calendar.to_ical()


def upcoming_feed(ateliers):
    calendar = _calendar("Kennisateliers Samen Preventief")
    calendar.add("x-published-ttl", "PT12H")
    for atelier in ateliers:
        calendar.add_component(atelier_event(atelier))
    return calendar.to_ical()
