"""A youth professional looks for what works: search, filters, a method, a story and the links between them."""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.conftest import assert_accessible

pytestmark = [pytest.mark.browser]

PROFESSIONAL = "professional@demo.samenpreventief.nl"
STORY = "Het JIT: hulpverlener en jongerenwerker samen op straat"
METHOD = re.compile("Jongeren Interventie Team")


def test_professional_searches_filters_and_follows_cross_links(journey):
    priya = journey.tab("professional")
    with journey.step("professional logs in and searches the site"):
        journey.log_in(priya, PROFESSIONAL)
        box = priya.get_by_role("search").get_by_label("Zoeken op de site")
        box.fill("jongerenwerker")
        box.press("Enter")
        priya.wait_for_url(re.compile(r"/zoeken/\?q=jongerenwerker"))
        expect(priya.get_by_role("link", name=STORY)).to_be_visible()
        assert_accessible(priya)

    with journey.step("she narrows the results to methods"):
        priya.get_by_role("group", name="Soort").get_by_label(re.compile(r"^Methode")).check()
        priya.get_by_role("button", name="Filters toepassen").click()
        priya.wait_for_url(re.compile(r"type=method"))
        results = priya.locator(".search-results")
        expect(results.get_by_role("link", name=METHOD).first).to_be_visible()
        expect(results.get_by_role("link", name=STORY)).to_have_count(0)

    with journey.step("she opens the method"):
        results.get_by_role("link", name=METHOD).first.click()
        expect(priya.get_by_role("heading", level=1, name=METHOD)).to_be_visible()
        expect(priya.get_by_role("heading", name="Aanpak")).to_be_visible()
        assert_accessible(priya)

    with journey.step("the method links to the story that uses it"):
        priya.get_by_role("link", name=STORY).first.click()
        expect(priya.get_by_role("heading", level=1, name=STORY)).to_be_visible()
        expect(priya.get_by_text("Schiedam, Zuid-Holland").first).to_be_visible()
        assert_accessible(priya)

    with journey.step("and the story links back to the method"):
        priya.get_by_role("region", name="Onderliggende methoden").get_by_role("link", name=METHOD).click()
        expect(priya.get_by_role("heading", level=1, name=METHOD)).to_be_visible()

    with journey.step("she filters the story listing by life stage and province"):
        priya.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Praktijkverhalen").click()
        priya.get_by_role("group", name="Levensfase").get_by_label(re.compile(r"^12–18 jaar")).check()
        priya.get_by_role("group", name="Provincie").get_by_label(re.compile(r"^Zuid-Holland")).check()
        priya.get_by_role("button", name="Filters toepassen").click()
        priya.wait_for_url(
            re.compile(r"life_stage=12-18.*province=zuid-holland|province=zuid-holland.*life_stage=12-18")
        )
        expect(priya.get_by_role("heading", name=re.compile(r"^\d+ praktijkverha"))).to_be_visible()
        expect(priya.get_by_role("link", name=STORY)).to_be_visible()
        assert_accessible(priya)

    with journey.step("the filtered listing is a link she can share"):
        shared = priya.url
        colleague = journey.tab("colleague")
        colleague.goto(shared)
        expect(colleague.get_by_role("link", name=STORY)).to_be_visible()
