"""Participants of a knowledge atelier: a member and a guest, each from their own mailbox."""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible, download

pytestmark = [pytest.mark.browser]

MEMBER = "behandelaar@demo.samenpreventief.nl"  # Bram Bakker, a professional in the demo
ATELIER = "Samen met ouders: tips uit een community of practice"
ONE_SEAT = "Reisatelier: één plek"


def open_atelier(tab, title):
    """From the home page, through the main menu, to one atelier."""
    tab.goto("/")
    tab.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisateliers").click()
    tab.get_by_role("link", name=title).first.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)


def cancel_registration(tab):
    """Cancel on the registration page. Since #13.6 (h-ateliers) "Afmelden" is a link to a page
    that asks for confirmation; before it, a button that cancels at once. Both end the same way."""
    with tab.expect_navigation():
        tab.get_by_role("button", name="Afmelden").or_(tab.get_by_role("link", name="Afmelden")).click()
    confirm = tab.get_by_role("button", name="Ja, meld me af")
    if confirm.count():
        confirm.click()
    expect(tab.locator(".atelier-status")).to_contain_text("Afgemeld")


def test_member_registers_gets_the_ics_and_cancels(journey):
    bram = journey.tab("member")
    with journey.step("member logs in and opens the atelier"):
        journey.log_in(bram, MEMBER)
        open_atelier(bram, ATELIER)
        assert_accessible(bram)

    with journey.step("member registers with the details from her profile"):
        bram.get_by_role("link", name="Aanmelden", exact=True).click()
        expect(bram.get_by_label("Naam", exact=True)).to_have_value("Bram Bakker")
        bram.get_by_label("Wijkteam").check()
        bram.get_by_role("button", name="Aanmelden").click()
        expect(bram.locator(".atelier-status")).to_contain_text("Aangemeld")
        assert_accessible(bram)

    with journey.step("the confirmation mail carries the calendar file"):
        confirmation = journey.mailbox.wait_for(MEMBER, subject="Je bent aangemeld")
        assert ATELIER in confirmation.subject
        ics = confirmation.attachments["kennisatelier.ics"]
        ics = ics.decode() if isinstance(ics, bytes) else ics
        assert "BEGIN:VEVENT" in ics and "Kennisatelier: Samen met ouders" in ics.replace("\r\n ", "")
        assert "DTSTART" in ics

    with journey.step("from the atelier page she reviews her registration and adds it to her calendar"):
        open_atelier(bram, ATELIER)
        bram.get_by_role("link", name="Bekijk of wijzig je aanmelding").click()
        expect(bram.locator(".atelier-status")).to_contain_text("Aangemeld")
        calendar = download(bram, bram.get_by_role("link", name="Zet in je agenda (.ics)").get_attribute("href"))
        assert "BEGIN:VCALENDAR" in calendar.text()

    with journey.step("she cancels with the link in her mail"):
        bram.goto(confirmation.link("/aanmelding/"))
        cancel_registration(bram)

    with journey.step("she changes her mind and registers again"):
        open_atelier(bram, ATELIER)
        bram.get_by_role("link", name="Aanmelden", exact=True).click()
        bram.get_by_role("button", name="Aanmelden").click()
        expect(bram.locator(".atelier-status")).to_contain_text("Aangemeld")
        journey.mailbox.wait_for(MEMBER, subject="Je bent aangemeld")


def test_member_confirms_cancellation_and_gets_a_mail(journey):
    member = "jeugdbeschermer@demo.samenpreventief.nl"  # Jamila El Idrissi
    jamila = journey.tab("member")
    with journey.step("member registers"):
        journey.log_in(jamila, member)
        open_atelier(jamila, ATELIER)
        jamila.get_by_role("link", name="Aanmelden", exact=True).click()
        jamila.get_by_label("Beleid").check()
        jamila.get_by_role("button", name="Aanmelden").click()
        confirmation = journey.mailbox.wait_for(member, subject="Je bent aangemeld")

    with journey.step("cancelling asks for confirmation first"):
        jamila.goto(confirmation.link("/aanmelding/"))
        jamila.get_by_role("link", name="Afmelden").click()
        expect(jamila.get_by_role("heading", level=1, name="Wil je je afmelden?")).to_be_visible()
        assert_accessible(jamila)
        jamila.get_by_role("button", name="Ja, meld me af").click()
        expect(jamila.locator(".atelier-status")).to_contain_text("Afgemeld")

    with journey.step("a mail confirms the cancellation"):
        journey.mailbox.wait_for(member, subject="Je bent afgemeld")


def test_guest_confirms_lands_on_the_waiting_list_and_is_promoted(journey):
    hans = journey.tab("first guest")
    gerda = journey.tab("second guest")

    def register_as_guest(tab, name, address, button):
        open_atelier(tab, ONE_SEAT)
        tab.get_by_role("link", name=re.compile("Aanmelden|Op de wachtlijst")).click()
        tab.get_by_label("Naam", exact=True).fill(name)
        tab.get_by_label("E-mailadres").fill(address)
        tab.get_by_label("Organisatie").fill("Wijkteam Feijenoord")
        tab.get_by_label("Wijkteam").check()
        tab.get_by_role("button", name=button).click()
        expect(tab.get_by_role("heading", name="Kijk in je mailbox")).to_be_visible()

    with journey.step("a first guest takes the only seat"):
        register_as_guest(hans, "Hans Huisman", "hans@reis.example", "Aanmelden")
        confirm = journey.mailbox.wait_for("hans@reis.example", subject="Bevestig je aanmelding")
        hans.goto(confirm.link("/bevestigen/"))
        hans.get_by_role("button", name="Aanmelding bevestigen").click()
        expect(hans.locator(".atelier-status")).to_contain_text("Aangemeld")
        seat = journey.mailbox.wait_for("hans@reis.example", subject="Je bent aangemeld")

    with journey.step("a second guest registers while the atelier is full"):
        register_as_guest(gerda, "Gerda Gast", "gerda@reis.example", "Op de wachtlijst")
        assert_accessible(gerda)

    with journey.step("she confirms from the mail and lands on the waiting list"):
        confirm = journey.mailbox.wait_for("gerda@reis.example", subject="Bevestig je aanmelding")
        gerda.goto(confirm.link("/bevestigen/"))
        assert_accessible(gerda)
        gerda.get_by_role("button", name="Aanmelding bevestigen").click()
        expect(gerda.locator(".atelier-status")).to_contain_text("nummer 1 op de wachtlijst")
        journey.mailbox.wait_for("gerda@reis.example", subject="wachtlijst")

    with journey.step("the first guest gives up his seat from his mail"):
        hans.goto(seat.link("/aanmelding/"))
        cancel_registration(hans)

    with journey.step("the second guest is offered the seat by mail and accepts it from the link"):
        offer = journey.mailbox.wait_for("gerda@reis.example", subject="Er is een plek vrij")
        gerda.goto(offer.link("/plek-aannemen/"))
        expect(gerda.get_by_role("heading", level=1)).to_have_text("Er is een plek voor je vrij")
        assert_accessible(gerda)
        gerda.get_by_role("button", name="Ja, ik neem de plek aan").click()
        expect(gerda.locator(".atelier-status")).to_contain_text("Aangemeld")

    with journey.step("her ticket arrives by mail, with the calendar file"):
        promoted = journey.mailbox.wait_for("gerda@reis.example", subject="plek vrijgekomen")
        assert "kennisatelier.ics" in promoted.attachments
        gerda.goto(promoted.link("/aanmelding/"))
        expect(gerda.locator(".atelier-status")).to_contain_text("Aangemeld")
        assert_accessible(gerda)

    with journey.step("she changes her organisation and needs from the link in her mail"):
        gerda.get_by_role("link", name="Gegevens wijzigen").click()
        expect(gerda.get_by_label("Organisatie")).to_have_value("Wijkteam Feijenoord")
        assert_accessible(gerda)
        gerda.get_by_label("Organisatie").fill("Jeugdteam Charlois")
        gerda.get_by_label("Wensen of opmerkingen").fill("Ik kom met een rolstoel.")
        gerda.get_by_role("button", name="Wijzigingen opslaan").click()
        expect(gerda.get_by_text("Je wijzigingen zijn opgeslagen")).to_be_visible()
        changed = journey.mailbox.wait_for("gerda@reis.example", subject="Je aanmelding is gewijzigd")
        assert "Jeugdteam Charlois" in changed.body and "rolstoel" in changed.body
        gerda.goto(changed.link("/aanmelding/"))
        expect(gerda.locator(".atelier-status")).to_contain_text("Aangemeld")
