"""A professional searches by keyboard: autocomplete, results with highlights, a facet filter."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from search.backends import get_backend
from search.models import Synonym
from tests.search.conftest import DOCUMENTS, SYNONYMS

from .conftest import audit_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indexed_documents():
    cache.clear()
    for terms in SYNONYMS:
        Synonym.objects.create(terms=terms)
    get_backend().rebuild([DOCUMENTS])


def test_search_with_keyboard_autocomplete_and_facets(page, indexed_documents):
    page.goto("/zoeken/")
    assert audit_accessibility(page) == []
    box = page.get_by_role("combobox", name="Zoek in praktijkverhalen")
    box.press_sequentially("centering", delay=20)
    option = page.get_by_role("option", name="CenteringPregnancy", exact=True)
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator("#search-suggestions-status").text_content().endswith("beschikbaar.")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-suggestion-0"
    box.press("Enter")
    page.wait_for_url("**/zoeken/?q=CenteringPregnancy")
    expect(page.get_by_role("link", name="CenteringPregnancy")).to_be_visible()
    page.goto("/zoeken/?q=zwangerschap")
    assert page.locator(".search-result mark").count() >= 1
    page.get_by_label("Methode (1)").check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**/zoeken/?q=zwangerschap&type=method")
    expect(page.get_by_role("heading", name="1 resultaat")).to_be_visible()
    assert audit_accessibility(page) == []

    page.goto("/zoeken/?q=verpleegkundie")
    page.get_by_role("link", name="verpleegkundige", exact=True).click()
    expect(page.get_by_role("link", name="Jonge moeders krijgen een verpleegkundige aan huis")).to_be_visible()
    assert audit_accessibility(page) == []


def test_english_search_announces_suggestions_in_english(page, indexed_documents):
    page.goto("/en/zoeken/")
    box = page.get_by_role("combobox", name="Search")
    box.press_sequentially("centering", delay=20)
    page.get_by_role("option", name="CenteringPregnancy", exact=True).wait_for()
    assert page.locator("#search-suggestions-status").text_content().endswith("available.")
