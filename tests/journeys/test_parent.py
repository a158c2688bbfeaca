"""A parent joins a tip community by invitation, writes a tip under her pseudonym and leaves again.

Her real name must never reach a public page: the library shows her pseudonym, and after she
deletes her account, "Anoniem".
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible, download

pytestmark = [pytest.mark.browser]

FACILITATOR = "procesbegeleider@demo.samenpreventief.nl"  # Femke de Vries
PAIR_PROFESSIONAL = "teamcoordinator@demo.samenpreventief.nl"  # Tom Verhoef
COMMUNITY = "Community of Practice Jeugdhulp Oleanderbuurt"
PARENT = "wilhelmina@reis.example"
REAL_NAME = "Wilhelmina"
PSEUDONYM = "Moeder Zonnebloem"
PASSWORD = "een-lang-wachtwoord-42"
TIP = "Schrijf je vragen vooraf op een briefje en geef het aan het begin van het gesprek aan de hulpverlener."


def open_community(tab):
    tab.goto("/tips/")
    tab.get_by_role("link", name=COMMUNITY).click()


def open_library(tab):
    tab.goto("/")
    tab.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Tipsbibliotheek").click()


def test_parent_is_invited_writes_a_tip_under_her_pseudonym_and_deletes_her_account(journey):
    facilitator = journey.tab("facilitator")
    parent = journey.tab("parent")

    with journey.step("the facilitator invites a parent"):
        journey.log_in(facilitator, FACILITATOR)
        open_community(facilitator)
        facilitator.get_by_role("link", name="Deelnemers").click()
        facilitator.get_by_label("E-mailadres van de nieuwe deelnemer").fill(PARENT)
        facilitator.get_by_label("Rol van de nieuwe deelnemer").select_option(label="Ouder")
        facilitator.get_by_role("button", name="Uitnodigingslink maken").click()
        expect(facilitator.get_by_role("status")).to_contain_text("De uitnodiging is gemaild")

    with journey.step("the parent opens the invitation and creates an account with a pseudonym"):
        invitation = journey.mailbox.wait_for(PARENT, subject="Uitnodiging")
        parent.goto(invitation.link("/uitnodiging/"))
        parent.wait_for_url(re.compile(r"/account/login/"))
        parent.get_by_role("link", name="registreer", exact=True).click()
        parent.get_by_label("E-mail").fill(PARENT)
        parent.get_by_label("Voornaam").fill(REAL_NAME)
        parent.get_by_label("Ouder", exact=True).check()
        parent.get_by_label("Schuilnaam (alleen voor ouders)").fill(PSEUDONYM)
        parent.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
        parent.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
        assert_accessible(parent)
        parent.get_by_role("button", name="Registreren").click()
        parent.wait_for_url(re.compile(r"/account/confirm-email/"))

    with journey.step("she confirms her address from the mail and logs in"):
        verification = journey.mailbox.wait_for(PARENT, subject="(?i)e-mail|bevestig")
        parent.goto(verification.link("/account/confirm-email/"))
        parent.get_by_role("button", name="Bevestig").click()
        journey.log_in(parent, PARENT, PASSWORD)

    with journey.step("she accepts the invitation from the same mail"):
        parent.goto(invitation.link("/uitnodiging/"))
        parent.get_by_role("button", name="Meedoen").click()
        expect(parent.get_by_text(f"Welkom in {COMMUNITY}.")).to_be_visible()

    with journey.step("she writes a tip"):
        parent.get_by_role("link", name="Tip insturen").click()
        parent.get_by_label("Uw tip").fill(TIP)
        parent.get_by_label("Ouders", exact=True).check()
        assert_accessible(parent)
        parent.get_by_role("button", name="Tip bewaren").click()
        expect(parent.get_by_text("Dank u wel!")).to_be_visible()
        tip_page = parent.url

    with journey.step("and gives her consent to publish it without her name"):
        parent.get_by_role("button", name="Ik geef toestemming om deze tip zonder mijn naam te publiceren").click()
        expect(parent.get_by_role("button", name=re.compile("Ik geef toestemming"))).to_have_count(0)

    with journey.step("the facilitator checks the tip for names and opens a round with a pair"):
        open_community(facilitator)
        facilitator.get_by_role("link", name=re.compile("wacht.* op controle op namen")).click()
        facilitator.locator(".tip-card").filter(has_text=TIP).get_by_role(
            "link", name=re.compile(r"^Tip \d+")
        ).first.click()
        facilitator.get_by_role("button", name=re.compile("Namen verwijderd")).click()
        expect(facilitator.get_by_text("De tip is ontdaan van namen.")).to_be_visible()
        open_community(facilitator)
        facilitator.get_by_role("link", name="Nieuwe ronde voorbereiden").click()
        facilitator.get_by_label("Indelen in koppels").check()
        facilitator.get_by_label("Titel").fill("Reisronde: indelen")
        facilitator.get_by_role("button", name="Ronde voorbereiden").click()
        facilitator.get_by_label("Ouder", exact=True).select_option(label=PSEUDONYM)
        facilitator.get_by_label("Professional", exact=True).select_option(label="Tom Verhoef")
        facilitator.get_by_role("button", name="Koppel toevoegen").click()
        facilitator.get_by_role("button", name="Ronde openen").click()

    with journey.step("the pair judges the tip usable"):
        tom = journey.tab("professional")
        journey.log_in(tom, PAIR_PROFESSIONAL)
        open_community(tom)
        tom.get_by_role("link", name="Reisronde: indelen").click()
        tom.get_by_role("link", name="Tips indelen met uw koppel").click()
        judgement = tom.locator(".tip-judgement").filter(has_text=TIP)
        judgement.get_by_label("Voor het gesprek").check()
        judgement.get_by_label("Bruikbaar", exact=True).check()
        tom.get_by_role("button", name="Keuzes bewaren").click()
        expect(tom.get_by_text(re.compile("bruikbaar volgens 1 van 1 koppels")).first).to_be_visible()

    with journey.step("the facilitator closes the round and publishes the tip"):
        open_community(facilitator)
        facilitator.get_by_role("link", name="Reisronde: indelen").click()
        facilitator.get_by_role("button", name="Ronde sluiten en uitkomsten verwerken").click()
        open_community(facilitator)
        facilitator.locator(".tip-card").filter(has_text=TIP).get_by_role(
            "link", name=re.compile(r"^Tip \d+")
        ).first.click()
        facilitator.get_by_role("button", name="Publiceren in de tipsbibliotheek").click()
        expect(facilitator.get_by_text("De tip staat nu in de openbare tipsbibliotheek.")).to_be_visible()

    with journey.step("the parent finds her tip in the public library under her pseudonym"):
        open_library(parent)
        card = parent.locator(".tip-card", has_text=TIP)
        expect(card).to_have_count(1)
        expect(card).to_contain_text(f"Van {PSEUDONYM}")
        assert REAL_NAME not in parent.content()
        assert_accessible(parent)

    with journey.step("she deletes her account"):
        parent.goto("/account/profiel/")
        parent.get_by_role("link", name="Account verwijderen").click()
        parent.get_by_label(re.compile("Ja, verwijder mijn account")).check()
        parent.get_by_role("button", name="Definitief verwijderen").click()
        parent.wait_for_url(lambda url: "/verwijderen/" not in url)

    with journey.step("her tip stays in the library, under 'Anoniem'"):
        open_library(parent)
        card = parent.locator(".tip-card", has_text=TIP)
        expect(card).to_have_count(1)
        expect(card).to_contain_text("Van Anoniem")
        assert PSEUDONYM not in parent.content() and REAL_NAME not in parent.content()

    with journey.step("and she can no longer log in"):
        parent.goto("/account/login/")
        parent.get_by_label("E-mail").fill(PARENT)
        parent.get_by_label("Wachtwoord").fill(PASSWORD)
        parent.get_by_role("button", name="Aanmelden").click()
        expect(parent).to_have_url(re.compile(r"/account/login/"))
        parent.goto(tip_page)
        expect(parent).to_have_url(re.compile(r"/account/login/"))


def test_parent_in_a_tip_community_downloads_her_data(journey):
    parent = journey.tab("parent")
    with journey.step("a parent of the community opens her profile"):
        journey.log_in(parent, "moeder3@demo.samenpreventief.nl")
        parent.goto("/account/profiel/")
    with journey.step("and downloads all her data"):
        export = download(
            parent, parent.get_by_role("link", name="Download al uw gegevens (JSON)").get_attribute("href")
        )
        data = json.loads(export.text())
        assert "moeder3@demo.samenpreventief.nl" in json.dumps(data)
        assert "Moeder 3" in json.dumps(data, ensure_ascii=False)
