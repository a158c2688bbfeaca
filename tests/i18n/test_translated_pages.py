"""Editors translate pages into English (issue 18, phase 2): /en/ shows the English text where a
translation exists and the Dutch page, marked, where it does not; the Dutch page stays the one
object everything keys on."""

from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale

from home.models import ContentPage, HomePage

NOTICE = "This page is available in Dutch only."


def translate(page, **english):
    """The page's English translation, as wagtail-localize makes it, published with `english`."""
    english_locale = Locale.objects.get(language_code="en")
    translated = page.copy_for_translation(english_locale, copy_parents=True)
    for field, value in english.items():
        setattr(translated, field, value)
    translated.save_revision().publish()
    return translated


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_translated_page_shows_english_and_an_untranslated_one_stays_dutch(client, demo_content):
    # Pages under an organisation cannot be translated yet: OrganisationPage.organisation is
    # one-to-one, so its English copy is refused (see the report). Statements can.
    story, other = ContentPage.objects.live().public().filter(locale__language_code="nl").order_by("pk")[:2]
    translate(HomePage.objects.get(locale__language_code="nl"), title="Preventing together")
    translate(story, title="Together on the street", intro="Youth workers and care workers on patrol.")
    with translation.override("nl"):
        path = story.url

    english = get(client, "/en" + path)
    assert english.find("h1").get_text() == "Together on the street"
    assert english.find("h1").get("lang") is None
    assert NOTICE not in english.get_text()

    dutch = get(client, path)
    assert dutch.find("h1").get_text() == story.title

    with translation.override("nl"):
        other_path = other.url
    untranslated = get(client, "/en" + other_path)
    assert untranslated.find("h1")["lang"] == "nl"
    assert NOTICE in untranslated.get_text()
