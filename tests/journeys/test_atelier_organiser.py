"""An atelier from the organiser's side of the door, and the participant's certificate after it."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.journeys.conftest import assert_accessible, download
from tests.journeys.journey_data import ACCREDITATION_REFERENCE, ENDED_ATELIER, ORGANISER
from tests.journeys.qr import read_qr

pytestmark = [pytest.mark.browser]

PARTICIPANT = "professional@demo.samenpreventief.nl"  # Priya Pinas, SKJ110012345 in her profile
PARTICIPANT_NAME = "Priya Pinas"
REGISTER_NUMBER = "SKJ110012345"


def test_organiser_checks_in_from_the_qr_code_and_participant_gets_certificate_and_evaluates(journey):
    priya = journey.tab("participant")
    organiser = journey.tab("organiser")

    with journey.step("participant registers for accreditation"):
        journey.log_in(priya, PARTICIPANT)
        priya.goto("/")
        priya.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisateliers").click()
        priya.get_by_role("link", name=ENDED_ATELIER).first.click()
        priya.get_by_role("link", name="Aanmelden", exact=True).click()
        priya.get_by_label("Wijkteam").check()
        priya.get_by_label("Ik wil accreditatiepunten voor mijn beroepsregistratie").check()
        expect(priya.get_by_label("Registratienummer SKJ")).to_have_value(REGISTER_NUMBER)
        priya.get_by_role("button", name="Aanmelden").click()
        expect(priya.locator(".atelier-status")).to_contain_text("Aangemeld")

    with journey.step("her confirmation mail has the QR code for the door"):
        ticket = journey.mailbox.wait_for(PARTICIPANT, subject="Je bent aangemeld")
        checkin_link = read_qr(ticket.attachments["inchecken.png"])
        assert "/inchecken/" in checkin_link

    with journey.step("at the door the organiser scans the code and checks her in"):
        journey.log_in(organiser, ORGANISER)
        organiser.goto(checkin_link)
        expect(organiser.get_by_role("main")).to_contain_text(PARTICIPANT_NAME)
        assert_accessible(organiser)
        organiser.get_by_role("button", name="Inchecken").click()
        expect(organiser.get_by_text(f"{PARTICIPANT_NAME} is ingecheckt.")).to_be_visible()
        expect(organiser.get_by_text(re.compile(r"\b1 van 1 aanwezig"))).to_be_visible()

    with journey.step("after the atelier the organiser marks it held"):
        organiser.goto("/admin/")
        organiser.get_by_role("link", name="Kennisateliers", exact=True).click()
        organiser.get_by_role("link", name=ENDED_ATELIER).click()
        organiser.get_by_role("button", name="Naar ‘Gehouden’").click()
        expect(organiser.get_by_role("heading", name="Status: Gehouden")).to_be_visible()
        organiser.get_by_role("button", name="Naar ‘Evaluatie open’").click()
        expect(organiser.get_by_role("heading", name="Status: Evaluatie open")).to_be_visible()

    with journey.step("the participant downloads her certificate from the link in the evaluation mail"):
        invitation = journey.mailbox.wait_for(PARTICIPANT, subject="Hoe was het kennisatelier")
        priya.goto(invitation.link("/aanmelding/"))
        certificate_link = priya.get_by_role("link", name="Download je certificaat (PDF)")
        pdf = download(priya, certificate_link.get_attribute("href"))
        assert pdf.headers["content-type"] == "application/pdf"
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.body())).pages)
        assert PARTICIPANT_NAME in text
        assert ENDED_ATELIER.split(":")[0] in text
        assert re.search(r"\b3(,0)? punten", text), text
        assert REGISTER_NUMBER in text
        assert ACCREDITATION_REFERENCE in text

    with journey.step("and rates the atelier from the link in the same mail"):
        priya.goto(invitation.link("/evaluatie/"))
        assert_accessible(priya)
        for aspect in ("Organisatie", "Kwaliteit van de presentaties", "Kwaliteit van de discussie", "Nieuwswaarde"):
            priya.get_by_role("group", name=f"{aspect} (1 tot 5 sterren)").get_by_label("4").check()
        priya.get_by_label("Opmerkingen").fill("Sterke sprekers, goede mix van praktijk en onderzoek.")
        priya.get_by_role("button", name="Versturen").click()
        expect(priya.get_by_role("heading", name="Dank je wel!")).to_be_visible()

    with journey.step("the organiser sees the response in the report"):
        organiser.goto("/admin/")
        organiser.get_by_role("link", name="Kennisateliers", exact=True).click()
        row = organiser.get_by_role("row").filter(has=organiser.get_by_role("link", name=ENDED_ATELIER))
        expect(row).to_contain_text("100% (1)")
