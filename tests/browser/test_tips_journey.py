"""A parent's tip travels from the community to the public library under her pseudonym."""

import re

import pytest

from tests.browser.conftest import audit_accessibility, login
from tests.tips.conftest import build_community, build_library

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-42"
TIP = "Neem bij het eerste gesprek een vriendin mee; twee mensen onthouden meer dan één."


def switch_user(page, email):
    page.context.clear_cookies()
    login(page, email, PASSWORD)
    page.wait_for_url(re.compile(r"/account/profiel/"))


def test_parent_tip_becomes_a_published_toptip_under_her_pseudonym(page):
    community = build_community()
    build_library()
    slug = community.obj.slug

    # A parent submits a tip in her community (the form is accessible).
    switch_user(page, "wilhelmina.geheim@example.nl")
    page.goto(f"/tips/{slug}/tips/nieuw/")
    assert audit_accessibility(page) == []
    page.get_by_label("Uw tip").fill(TIP + " Dat zei Sandra van Rotterdam ook.")
    page.get_by_label("Ouders").check()
    page.get_by_label(re.compile("Ik geef toestemming")).check()
    page.get_by_role("button", name="Tip bewaren").click()
    page.get_by_text("Dank u wel!").wait_for()
    tip_url = page.url

    # The facilitator sees the names highlighted and removes them.
    switch_user(page, "begeleider@example.nl")
    page.goto(tip_url)
    assert page.locator("mark", has_text="Sandra").count() == 1
    assert page.locator("mark", has_text="Rotterdam").count() == 1
    assert audit_accessibility(page) == []
    page.get_by_label("Tekst").fill(TIP)
    page.get_by_role("button", name=re.compile("Namen verwijderd")).click()
    page.get_by_text("De tip is ontdaan van namen.").wait_for()

    # She prepares a classification round with one pair and opens it.
    page.goto(f"/tips/{slug}/rondes/nieuw/")
    page.get_by_label("Indelen in koppels").check()
    page.get_by_label("Titel").fill("Ronde 1: indelen")
    page.get_by_role("button", name="Ronde voorbereiden").click()
    page.get_by_label("Ouder", exact=True).select_option(label="Moeder A")
    page.get_by_label("Professional", exact=True).select_option(label="Piet Prof")
    page.get_by_role("button", name="Koppel toevoegen").click()
    page.get_by_role("button", name="Ronde openen").click()
    round_url = page.url

    # The professional of the pair records the pair's shared judgement.
    switch_user(page, "prof@example.nl")
    page.goto(round_url)
    page.get_by_role("link", name="Tips indelen met uw koppel").click()
    assert audit_accessibility(page) == []
    page.get_by_label("Voor het gesprek").check()
    page.get_by_label("Bruikbaar", exact=True).check()
    page.get_by_role("button", name="Keuzes bewaren").click()
    page.get_by_text("bruikbaar volgens 1 van 1 koppels").wait_for()

    # The facilitator closes the round, runs a toptip round and publishes.
    switch_user(page, "begeleider@example.nl")
    page.goto(round_url)
    page.get_by_role("button", name="Ronde sluiten en uitkomsten verwerken").click()
    page.goto(f"/tips/{slug}/rondes/nieuw/")
    page.get_by_label("Toptips kiezen").check()
    page.get_by_label("Titel").fill("Ronde 2: toptips")
    page.get_by_role("button", name="Ronde voorbereiden").click()
    page.get_by_role("button", name="Ronde openen").click()
    page.get_by_role("link", name="Toptips kiezen").click()
    page.get_by_label(re.compile("Neem bij het eerste gesprek")).check()
    page.get_by_role("button", name="Keuzes bewaren").click()
    page.get_by_role("button", name="Ronde sluiten en uitkomsten verwerken").click()
    page.goto(tip_url)
    assert "Toptip" in page.locator(".tip-facts").inner_text()
    page.get_by_role("button", name="Publiceren in de tipsbibliotheek").click()
    page.get_by_text("De tip staat nu in de openbare tipsbibliotheek.").wait_for()

    # Anyone finds it in the library, highlighted as a toptip, under the pseudonym only.
    page.context.clear_cookies()
    page.goto("/tips-bibliotheek/")
    card = page.locator(".tip-card--toptip", has_text=TIP)
    assert card.count() == 1
    assert "Van Moeder A" in card.inner_text()
    assert "Wilhelmina" not in page.content() and "Sandra" not in page.content()
    assert audit_accessibility(page) == []
    card.get_by_role("link", name="Lees meer").click()
    page.get_by_role("heading", name="Ik heb dit geprobeerd").wait_for()
    assert audit_accessibility(page) == []


def test_demo_library_and_round_results_are_accessible(page, demo_content):
    page.goto("/tips-bibliotheek/?phase=during")
    assert page.locator(".tip-card").count() >= 1
    assert audit_accessibility(page) == []
    login(page, "procesbegeleider@demo.samenpreventief.nl", "demo-wachtwoord-2026")
    page.wait_for_url(re.compile(r"/account/profiel/"))
    page.goto("/tips/cop-jeugdhulp-oleanderbuurt/")
    page.get_by_role("link", name="Ronde 1: indelen in koppels").click()
    page.get_by_text("bruikbaar volgens 3 van 3 koppels").first.wait_for()
    assert audit_accessibility(page) == []
