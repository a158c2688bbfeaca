"""Editors translate pages into English (issue 18, phase 2).

Under /en/ a translated page shows its English text (lang="en", no "Dutch only" note) at the
address of its Dutch page; an untranslated one stays Dutch and marked, as in phase 1. The Dutch
page stays the one object that links, registrations, search, the sitemap, the API and the feeds
know (docs/architecture.md, "Content in two languages").
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from ateliers.models import AtelierPage, Registration
from core.languages import canonical_page, content_language
from editorial.services import translate_page
from home.models import ContentPage, HomePage
from organisations.models import OrganisationPage
from practices.models import PracticeStoryPage, StoryIndexPage

from .conftest import soup_of, url_in

NOTICE = "This page is available in Dutch only."
# Site paths that are no pages and live outside the language prefix.
NOT_LOCALISED = ("/static/", "/media/", "/documents/", "/api/", "/admin/", "/i18n/", "/sitemap.xml", "/robots.txt")


def first_story():
    return PracticeStoryPage.objects.live().public().filter(locale__language_code="nl").order_by("pk").first()


def translate_story(story):
    return translate_page(
        story,
        {story.title: "Together on the street", story.standfirst: "Youth workers and care workers on patrol."},
    )


def test_a_translated_page_shows_english_and_an_untranslated_one_stays_dutch(client, demo_content):
    story, other = PracticeStoryPage.objects.live().public().order_by("pk")[:2]
    english_copy = translate_story(story)
    assert english_copy.locale.language_code == "en" and english_copy.live
    assert english_copy.title == "Together on the street"

    english = soup_of(client, url_in("en", story))
    assert english.html["lang"] == "en"
    assert english.find("h1").get_text(strip=True) == "Together on the street"
    assert english.find("h1").get("lang") is None
    assert "Youth workers and care workers on patrol." in english.get_text()
    assert NOTICE not in english.get_text()

    dutch = soup_of(client, url_in("nl", story))
    assert dutch.find("h1").get_text(strip=True) == story.title

    untranslated = soup_of(client, url_in("en", other))
    assert untranslated.find("h1")["lang"] == "nl"
    assert NOTICE in untranslated.get_text()


def test_the_english_copy_has_the_address_of_its_dutch_page(client, demo_content):
    story = first_story()
    english_copy = translate_story(story)
    assert url_in("en", story) == "/en" + url_in("nl", story)
    # Its own URL (the admin's "view live") is the same address; the English tree is never routed.
    assert english_copy.url == url_in("en", story)
    assert canonical_page(english_copy).pk == story.pk
    assert content_language(english_copy) == "en"


def test_links_on_english_pages_stay_under_en(client, demo_content):
    story = first_story()
    translate_story(story)
    translate_page(HomePage.objects.get(locale__language_code="nl"), {})
    atelier = AtelierPage.objects.live().order_by("pk").first()
    translate_page(atelier, {atelier.title: "Networks that carry"})
    section = story.get_ancestors().type(OrganisationPage).first().specific
    pages = ["/en/", url_in("en", story), url_in("en", atelier), url_in("en", section)]
    listing = url_in("en", StoryIndexPage.objects.live().get())
    for url in [*pages, listing, "/en/zoeken/?q=jongeren"]:
        soup = soup_of(client, url)
        leaving = [
            a["href"]
            for a in soup.find_all("a", href=True)
            if a["href"].startswith("/")
            and not a["href"].startswith(("/en/", *NOT_LOCALISED))
            and not a.get("hreflang")  # the language switch
            and a["href"] != "/en"
        ]
        assert leaving == [], (url, leaving)
    assert soup_of(client, listing).find("a", href=url_in("en", story)) is not None


def test_registering_on_the_english_atelier_page_fills_the_dutch_seats(client, demo_content):
    atelier = AtelierPage.objects.live().filter(state="registration_open").order_by("date").first()
    assert atelier is not None
    english_copy = translate_page(atelier, {atelier.title: "Networks that carry"})

    response = client.get(url_in("en", atelier))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Networks that carry"
    served = response.context["page"]
    assert served.pk == atelier.pk  # the page served is the Dutch atelier, with English text

    before = Registration.objects.filter(atelier=atelier).count()
    with translation.override("en"):
        register_url = reverse("ateliers:register", args=[served.pk])
    response = client.post(register_url, {"name": "Gert Gast", "email": "gert@example.nl", "background": "policy"})
    assert response.status_code == 200
    assert Registration.objects.filter(atelier=atelier).count() == before + 1
    assert Registration.objects.get(email="gert@example.nl").language == "en"
    assert not Registration.objects.filter(atelier_id=english_copy.pk).exists()


def test_the_registration_service_keys_on_the_dutch_atelier(demo_content):
    from ateliers import services

    atelier = AtelierPage.objects.live().filter(state="registration_open").order_by("date").first()
    english_copy = translate_page(atelier, {atelier.title: "Networks that carry"})
    services.register(english_copy, email="gast@example.nl", name="Gast", background="policy")
    assert Registration.objects.get(email="gast@example.nl").atelier_id == atelier.pk


def test_search_under_en_finds_the_item_once_and_links_its_english_address(client, demo_content):
    story = first_story()
    translate_story(story)
    soup = soup_of(client, "/en/zoeken/?q=" + story.title.split()[0])
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert hrefs.count(url_in("en", story)) == 1
    assert url_in("nl", story) not in hrefs


def test_the_sitemap_lists_each_item_once_per_language_with_its_alternates(client, demo_content):
    story = first_story()
    translate_story(story)
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    english = [loc for loc in locations if loc.endswith("/en" + url_in("nl", story))]
    dutch = [loc for loc in locations if loc.endswith(url_in("nl", story)) and "/en/" not in loc]
    assert len(english) == 1 and len(dutch) == 1, (english, dutch)
    alternates = re.findall(r'hreflang="en"\s+href="([^"]+)"', xml) + re.findall(r'href="([^"]+)"\s+hreflang="en"', xml)
    assert english[0] in alternates


def test_the_api_and_the_feeds_keep_one_item(client, demo_content):
    story = first_story()
    before = client.get("/api/v2/stories/").json()["meta"]["total_count"]
    translate_story(story)
    stories = client.get("/api/v2/stories/?limit=20").json()
    assert stories["meta"]["total_count"] == before
    assert client.get("/api/v2/stories/?locale=en").json()["meta"]["total_count"] == before

    dutch_feed = client.get("/feeds/praktijkverhalen/").content.decode()
    english_feed = client.get("/en/feeds/praktijkverhalen/").content.decode()
    assert dutch_feed.count("<entry>") == english_feed.count("<entry>")
    assert english_feed.count("/en" + url_in("nl", story) + '"') == 1
    assert "Together on the street" in english_feed and "Together on the street" not in dutch_feed


def test_an_english_translation_is_no_search_entry_of_its_own(demo_content):
    from search.indexing import document_for

    story = first_story()
    english_copy = translate_story(story)
    assert document_for(english_copy) is None
    assert document_for(story) is not None


def test_an_untranslated_statement_and_the_home_page_work_under_en(client, demo_content):
    statement = ContentPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    english = statement.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english is not None:  # the demo translated the statements (home/demo.py)
        english.unpublish()
    soup = soup_of(client, url_in("en", statement))
    assert soup.find("h1")["lang"] == "nl"
    assert soup_of(client, "/en/").html["lang"] == "en"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_page_of_the_english_tree_is_ever_served_by_its_own_path(client, demo_content, language):
    """The English tree's own paths (under its home page's slug) are no addresses of the site."""
    story = first_story()
    english_copy = translate_story(story)
    english_home = Page.objects.get(locale__language_code="en", depth=2)
    assert english_copy.url_path.startswith(english_home.url_path)
    # The only address is the Dutch page's; that one answers in both languages.
    with translation.override(language):
        assert client.get(story.url).status_code == 200
