import re

import pytest
from playwright.sync_api import expect

from practices.models import PracticeStoryPage
from tests.browser.conftest import audit_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_professional_filters_stories_opens_one_and_follows_its_method(page, demo_content):
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Praktijkverhalen").click()
    page.wait_for_url(re.compile(r"/praktijkverhalen/$"))
    published = PracticeStoryPage.objects.live().public().filter(locale__language_code="nl").count()
    assert published >= 17
    expect(page.get_by_role("heading", name=f"{published} praktijkverhalen")).to_be_visible()
    page.get_by_role("group", name="Levensfase").get_by_label(re.compile(r"^12–18 jaar")).check()
    page.get_by_role("group", name="Provincie").get_by_label(re.compile(r"^Zuid-Holland")).check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"life_stage=12-18.*province=zuid-holland|province=zuid-holland.*life_stage=12-18"))
    results = page.get_by_role("region", name=re.compile(r"praktijkverha"))
    expect(page.get_by_role("heading", name="2 praktijkverhalen")).to_be_visible()
    expect(results.get_by_role("link", name="PPD Talents: van probleemjongere naar artiest")).to_be_visible()
    assert audit_accessibility(page) == []

    # The filtered URL is shareable: opening it again gives the same result.
    shared_url = page.url
    page.goto(shared_url)
    expect(page.get_by_role("heading", name="2 praktijkverhalen")).to_be_visible()
    page.get_by_role("link", name="Het JIT: hulpverlener en jongerenwerker samen op straat").click()
    expect(
        page.get_by_role("heading", level=1, name="Het JIT: hulpverlener en jongerenwerker samen op straat")
    ).to_be_visible()
    expect(page.get_by_text("Schiedam, Zuid-Holland").first).to_be_visible()
    # Related content (issue 17) is a labelled region, part of the audited page.
    expect(page.locator("section.related").first).to_be_visible()
    assert audit_accessibility(page) == []

    page.get_by_role("region", name="Onderliggende methoden").get_by_role(
        "link", name=re.compile("Jongeren Interventie Team")
    ).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Jongeren Interventie Team Schiedam"))).to_be_visible()
    expect(page.get_by_role("heading", name="Aanpak")).to_be_visible()
    # …and the method links back to the story.
    expect(page.get_by_role("link", name="Het JIT: hulpverlener en jongerenwerker samen op straat")).to_be_visible()
    assert audit_accessibility(page) == []

    # The gap view: life stage × prevention level, empty cells visible.
    page.goto("/kennisbank/matrix/")
    expect(page.get_by_role("table")).to_be_visible()
    expect(page.get_by_text("Geen aanbod").first).to_be_visible()
    assert audit_accessibility(page) == []
