"""A parent who was never invited finds a tip community through the library, asks to join under
her pseudonym, and gets in once the facilitator accepts: both follow the mails they receive."""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible

pytestmark = [pytest.mark.browser]

FACILITATOR = "procesbegeleider@demo.samenpreventief.nl"
COMMUNITY = "Community of Practice Jeugdhulp Oleanderbuurt"
PARENT = "yasmina@reis.example"
REAL_NAME = "Yasmina"
PSEUDONYM = "Moeder Kompas"
PASSWORD = "een-lang-wachtwoord-42"
MOTIVATION = "Mijn zoon is net naar de middelbare school; ik wil graag meedenken."


def test_a_parent_asks_to_join_and_the_facilitator_lets_her_in(journey):
    parent = journey.tab("parent")
    facilitator = journey.tab("facilitator")

    with journey.step("a parent creates an account with a pseudonym and confirms her address"):
        parent.goto("/account/signup/")
        parent.get_by_label("E-mail").fill(PARENT)
        parent.get_by_label("Voornaam").fill(REAL_NAME)
        parent.get_by_label("Ouder", exact=True).check()
        parent.get_by_label("Schuilnaam (alleen voor ouders)").fill(PSEUDONYM)
        parent.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
        parent.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
        parent.get_by_role("button", name="Registreren").click()
        parent.wait_for_url(re.compile(r"/account/confirm-email/"))
        verification = journey.mailbox.wait_for(PARENT, subject="(?i)e-mail|bevestig")
        parent.goto(verification.link("/account/confirm-email/"))
        parent.get_by_role("button", name="Bevestig").click()
        journey.log_in(parent, PARENT, PASSWORD)

    with journey.step("she finds the community through the tip library and asks to join"):
        parent.goto("/")
        parent.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Tipsbibliotheek").click()
        parent.get_by_role("link", name=COMMUNITY).click()
        assert_accessible(parent)
        parent.get_by_role("link", name="Vraag om mee te doen").click()
        expect(parent.get_by_label("Schuilnaam (alleen voor ouders)")).to_have_value(PSEUDONYM)
        parent.get_by_label("Waarom wilt u meedoen?").fill(MOTIVATION)
        parent.get_by_label("Ik ga akkoord met deze afspraak.").check()
        assert_accessible(parent)
        parent.get_by_role("button", name="Aanmelding versturen").click()
        expect(parent.get_by_text("Uw aanmelding is verstuurd.")).to_be_visible()

    with journey.step("the facilitator follows the mail about the request and accepts it"):
        notice = journey.mailbox.wait_for(FACILITATOR, subject="Nieuwe aanmelding")
        assert REAL_NAME not in notice.body and PSEUDONYM not in notice.body
        journey.log_in(facilitator, FACILITATOR)
        facilitator.goto(notice.link("/leden/"))
        expect(facilitator.get_by_text(MOTIVATION)).to_be_visible()
        facilitator.get_by_label("Bericht aan de aanvrager (niet verplicht)").fill("Welkom, tot donderdag!")
        facilitator.get_by_role("button", name="Accepteren").click()
        expect(facilitator.get_by_text("De aanmelding is geaccepteerd.")).to_be_visible()

    with journey.step("the parent follows the mail into the community"):
        welcome = journey.mailbox.wait_for(PARENT, subject="U doet mee")
        assert f"Beste {PSEUDONYM}," in welcome.body and "Welkom, tot donderdag!" in welcome.body
        parent.goto(welcome.link(r"/tips/"))
        expect(parent.get_by_role("heading", name=COMMUNITY).first).to_be_visible()
        parent.goto("/mijn/")
        expect(parent.get_by_text("Geaccepteerd")).to_be_visible()
