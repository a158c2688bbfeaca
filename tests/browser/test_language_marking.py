"""A Dutch page under /en/ (issue 18): marked for screen readers, and accessible in both languages."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import audit_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_page_with_untranslated_content_passes_the_audit_in_both_languages(page, demo_content):
    from practices.models import PracticeStoryPage

    story = (
        PracticeStoryPage.objects.live()
        .public()
        .filter(locale__language_code="nl", life_stages__isnull=False)
        .order_by("pk")
        .first()
    )
    for language in ("nl", "en"):
        with translation.override(language):
            url = story.url
        page.goto(url)
        assert audit_accessibility(page) == [], url
    # Under /en/ a screen reader hears the note in English and the title in Dutch.
    note = page.get_by_text("This page is available in Dutch only.")
    expect(note).to_be_visible()
    assert note.evaluate("element => element.closest('[lang]').lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "nl"


def test_english_pages_naming_translated_and_dutch_pages_pass_the_audit(page, demo_content):
    """Under /en/ the demo's translated pages are named in English beside Dutch ones (phase 3)."""
    from practices.models import StoryIndexPage

    with translation.override("en"):
        listing = StoryIndexPage.objects.live().get(locale__language_code="nl").url
    for url in ("/en/", listing):
        page.goto(url)
        assert audit_accessibility(page) == [], url
    card = page.get_by_role("link", name="TalentStad now teaches THINK in the second year too")
    expect(card).to_be_visible()
    assert card.get_attribute("lang") is None
