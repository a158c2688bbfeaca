"""A page translated into English (issue 18, phase 2): English for screen readers, and accessible."""

import pytest
from django.utils import translation

from tests.browser.conftest import audit_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_translated_page_is_english_and_passes_the_audit(page, demo_content):
    from editorial.services import translate_page
    from practices.models import PracticeStoryPage

    story = PracticeStoryPage.objects.live().public().filter(life_stages__isnull=False).order_by("pk").first()
    translate_page(story, {story.title: "Together on the street"})
    with translation.override("en"):
        url = story.url
    page.goto(url)
    assert audit_accessibility(page) == [], url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Together on the street"
    assert page.locator("h1").get_attribute("lang") is None
    assert page.get_by_text("This page is available in Dutch only.").count() == 0
