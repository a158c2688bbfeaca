"""What reaches a participant after she registered: an organiser's venue change and call-off,
and the reminder a few days before. Each from the mail that actually arrived, with its calendar
file and the links in it followed in the browser.

The reminder is sent by `send_atelier_reminders`, run against the site's database as cron runs
it. The journey reads only the reminder's links and calendar file, not its wording: the
notification service may route and word member mails its own way.
"""

import re
import time

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible, download
from tests.journeys.journey_data import MOVING_ATELIER, ORGANISER, REMINDED_MEMBER, SOON_ATELIER
from tests.journeys.test_atelier_participant import open_atelier

pytestmark = [pytest.mark.browser]

PARTICIPANT = "jeugdbeschermer@demo.samenpreventief.nl"  # Jamila El Idrissi
NEW_VENUE = "Het Nieuwe Instituut, zaal 2"


def calendar_of(mail):
    """(METHOD, UID, SEQUENCE) of the calendar file attached to `mail`."""
    [ics] = [content for name, content in mail.attachments.items() if name.endswith(".ics")]
    return parse_calendar(ics)


def parse_calendar(ics):
    calendar = Calendar.from_ical(ics)
    [event] = calendar.walk("VEVENT")
    return str(calendar.get("method", "")), str(event["uid"]), int(event.get("sequence", 0))


def open_atelier_in_admin(admin, title):
    admin.goto("/admin/")
    admin.get_by_role("link", name="Kennisateliers", exact=True).click()
    admin.get_by_role("link", name=title).click()


def send_message(admin, title, kind, subject, body):
    open_atelier_in_admin(admin, title)
    admin.get_by_role("link", name="Bericht aan deelnemers").click()
    admin.get_by_label("Iedereen die aangemeld is of op de wachtlijst staat").check()
    admin.get_by_label(kind).check()
    admin.get_by_label("Onderwerp").fill(subject)
    admin.locator("#id_body").fill(body)
    admin.get_by_role("button", name="Versturen").click()
    expect(admin.get_by_text("Bericht verstuurd aan 1 deelnemer")).to_be_visible()


def test_organiser_moves_then_calls_off_the_atelier_and_the_participant_follows_from_her_mail(journey):
    jamila = journey.tab("participant")
    admin = journey.tab("organiser")

    with journey.step("the participant registers and her confirmation carries the calendar file"):
        journey.log_in(jamila, PARTICIPANT)
        open_atelier(jamila, MOVING_ATELIER)
        jamila.get_by_role("link", name="Aanmelden", exact=True).click()
        jamila.get_by_label("Wijkteam").check()
        jamila.get_by_role("button", name="Aanmelden").click()
        expect(jamila.locator(".atelier-status")).to_contain_text("Aangemeld")
        confirmation = journey.mailbox.wait_for(PARTICIPANT, subject=re.escape(MOVING_ATELIER))
        method, uid, sequence = calendar_of(confirmation)
        assert method == "PUBLISH"

    with journey.step("the organiser (of ST-RAW, not an administrator) moves the atelier to another room"):
        journey.log_in(admin, ORGANISER)
        open_atelier_in_admin(admin, MOVING_ATELIER)
        admin.get_by_role("link", name="Pagina bewerken").click()
        admin.locator("#id_venue").fill(NEW_VENUE)
        admin.get_by_role("button", name="Meer acties").click()
        admin.locator('button[name="action-publish"]').click()
        expect(admin.locator(".messages")).to_contain_text(MOVING_ATELIER)
        expect(admin.locator(".messages")).not_to_contain_text("geen toegang")
        expect(admin.get_by_role("link", name="Bericht aan deelnemers")).to_be_visible()

    with journey.step("and tells everyone registered, with a new calendar file"):
        send_message(
            admin, MOVING_ATELIER, "Wijziging (tijd of locatie)", "Nieuwe zaal", "We zitten in een andere zaal."
        )

    with journey.step("the participant's calendar file replaces the event, and her page shows the new place"):
        moved = journey.mailbox.wait_for(PARTICIPANT, subject="Nieuwe zaal")
        new_method, new_uid, new_sequence = calendar_of(moved)
        assert (new_method, new_uid) == ("PUBLISH", uid)  # the same event ...
        assert new_sequence > sequence  # ... in a newer version, so calendars replace it
        jamila.goto(moved.link("/aanmelding/"))
        expect(jamila.get_by_role("main")).to_contain_text(NEW_VENUE)
        expect(jamila.locator(".atelier-status")).to_contain_text("Aangemeld")
        assert_accessible(jamila)

    with journey.step("the organiser calls the atelier off"):
        send_message(
            admin, MOVING_ATELIER, "Het kennisatelier gaat niet door", "Gaat niet door", "De sprekers zijn ziek."
        )

    with journey.step("the call-off removes the event from her calendar"):
        called_off = journey.mailbox.wait_for(PARTICIPANT, subject="Gaat niet door")
        cancel_method, cancel_uid, cancel_sequence = calendar_of(called_off)
        assert (cancel_method, cancel_uid) == ("CANCEL", uid)
        assert cancel_sequence > new_sequence
        jamila.goto(called_off.link("/aanmelding/"))
        expect(jamila.get_by_role("main")).to_contain_text("gaat niet door")

    with journey.step("the atelier page says it is called off, and nobody can register any more"):
        visitor = journey.tab("visitor")
        open_atelier(visitor, MOVING_ATELIER)
        expect(visitor.get_by_role("main")).to_contain_text("Dit kennisatelier gaat niet door.")
        expect(visitor.locator(".atelier-state")).to_have_text("Gaat niet door")  # its lifecycle state
        expect(visitor.get_by_role("link", name=re.compile("Aanmelden|Op de wachtlijst"))).to_have_count(0)
        assert_accessible(visitor)


def test_the_reminder_goes_out_once_and_its_links_work(journey):
    with journey.step("cron runs the reminders twice"):
        journey.run_command("send_atelier_reminders")
        journey.run_command("send_atelier_reminders")

    with journey.step("one reminder arrives, with the calendar file of her registration"):
        reminder = journey.mailbox.wait_for(REMINDED_MEMBER)
        attached = [content for name, content in reminder.attachments.items() if name.endswith(".ics")]
        linked = [link for link in reminder.links if ".ics" in link or "/agenda" in link]
        assert attached or linked, f"no calendar file in the reminder:\n{reminder.body}"
        time.sleep(3)  # six polls of the task worker: a second reminder would have arrived by now
        assert len(journey.mailbox.all_to(REMINDED_MEMBER)) == 1

    hanna = journey.tab("participant")
    with journey.step("the manage link opens her registration"):
        hanna.goto(reminder.link("/aanmelding/"))
        expect(hanna.get_by_role("main")).to_contain_text(SOON_ATELIER)
        expect(hanna.locator(".atelier-status")).to_contain_text("Aangemeld")
        assert_accessible(hanna)

    with journey.step("the calendar file in the mail and the one on her page are the same event"):
        from_page = download(hanna, hanna.get_by_role("link", name="Zet in je agenda (.ics)").get_attribute("href"))
        _method, uid, _sequence = parse_calendar(from_page.body())
        for ics in attached + [download(hanna, link).body() for link in linked]:
            assert parse_calendar(ics)[1] == uid
        assert SOON_ATELIER in Calendar.from_ical(from_page.body()).walk("VEVENT")[0]["summary"]
