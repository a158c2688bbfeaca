"""The same journeys' key pages on the English site (/en/): the interface speaks English.

Content (titles, stories) stays Dutch; what the site itself says (menus, buttons, form
labels, headings, mail) must be English, also in the mail and on the pages its links open.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible

pytestmark = [pytest.mark.browser]

STORY = "Het JIT: hulpverlener en jongerenwerker samen op straat"
ATELIER = "Samen met ouders: tips uit een community of practice"
DUTCH_INTERFACE = ["Filters toepassen", "Hoofdmenu", "Zoeken op de site", "Aanmelding bevestigen", "Je aanmelding"]


def assert_no_dutch_interface(tab):
    html = tab.content()
    found = [text for text in DUTCH_INTERFACE if text in html]
    assert found == [], f"Dutch interface text on {tab.url}: {found}"


def test_english_visitor_finds_stories_and_registers_for_an_atelier(journey):
    visitor = journey.tab("visitor", language="en")

    with journey.step("the English home page has an English main menu"):
        visitor.goto("/en/")
        menu = visitor.get_by_role("navigation", name="Main menu")
        expect(menu).to_be_visible()
        assert_no_dutch_interface(visitor)

    with journey.step("the story listing filters in English"):
        menu.get_by_role("link", name=re.compile("Praktijkverhalen|Practice stories")).click()
        assert "/en/" in visitor.url
        visitor.get_by_role("group", name="Life stage").get_by_label(re.compile(r"^12–18")).check()
        visitor.get_by_role("group", name="Province").get_by_label(re.compile(r"^Zuid-Holland")).check()
        visitor.get_by_role("button", name="Apply filters").click()
        expect(visitor.get_by_role("link", name=STORY)).to_be_visible()
        assert_no_dutch_interface(visitor)
        assert_accessible(visitor)

    with journey.step("a story page labels its parts in English"):
        visitor.get_by_role("link", name=STORY).click()
        expect(visitor.get_by_role("region", name="Underlying methods")).to_be_visible()
        assert "/en/" in visitor.url
        assert_no_dutch_interface(visitor)

    with journey.step("search speaks English"):
        box = visitor.get_by_role("search").get_by_label("Search the site")
        box.fill("jongerenwerker")
        box.press("Enter")
        visitor.wait_for_url(re.compile(r"/en/zoeken/\?q="))
        expect(visitor.get_by_role("heading", level=1, name="Search")).to_be_visible()
        expect(visitor.get_by_role("group", name="Type")).to_be_visible()
        assert_no_dutch_interface(visitor)

    with journey.step("a guest registers for an atelier in English"):
        visitor.goto("/en/")
        visitor.get_by_role("navigation", name="Main menu").get_by_role(
            "link", name=re.compile("Kennisateliers|Knowledge workshops")
        ).click()
        visitor.get_by_role("link", name=ATELIER).first.click()
        visitor.get_by_role("link", name="Register", exact=True).click()
        visitor.get_by_label("Name", exact=True).fill("Emma English")
        visitor.get_by_label("Email address").fill("emma@reis.example")
        visitor.get_by_label("Organisation").fill("Youth team Delfshaven")
        visitor.get_by_label("Neighbourhood team").check()
        assert_no_dutch_interface(visitor)
        visitor.get_by_role("button", name="Register").click()
        expect(visitor.get_by_role("heading", name="Check your inbox")).to_be_visible()

    with journey.step("her mail is English and its link opens the English site"):
        confirm = journey.mailbox.wait_for("emma@reis.example", subject="Confirm your registration")
        link = confirm.link("/bevestigen/")
        assert "/en/" in link
        visitor.goto(link)
        visitor.get_by_role("button", name="Confirm registration").click()
        expect(visitor.get_by_role("heading", level=1, name="Your registration")).to_be_visible()
        expect(visitor.locator(".atelier-status")).to_contain_text("Registered")
        expect(visitor.get_by_role("link", name="Add to your calendar (.ics)")).to_be_visible()
        assert_no_dutch_interface(visitor)
        assert_accessible(visitor)
        seat = journey.mailbox.wait_for("emma@reis.example", subject="You are registered")
        assert "kennisatelier.ics" in seat.attachments
