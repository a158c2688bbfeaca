"""A translated page lives at its English address under /en/ (issue 18, English slugs).

The translator gives the page an English slug in wagtail-localize; under /en/ the page is
served there, its old address (/en/ + the Dutch path) answers a permanent redirect to it, and
every link to it under /en/ (menus, cards, the language switch, hreflang, the sitemap, feeds,
search hits, the APIs) gives the English address. Untranslated pages keep their Dutch slug under
/en/, below their parents' English slugs.
"""

import re

from wagtail.models import Locale

from core.languages import page_path_in_default_language, page_path_in_language
from editorial.services import translate_page
from practices.models import PracticeStoryPage, StoryIndexPage

from .conftest import soup_of, url_in

ENGLISH_TITLE = "Together on the street"


def untranslated_stories():
    english = Locale.objects.get(language_code="en")
    stories = PracticeStoryPage.objects.live().public().filter(locale__language_code="nl").order_by("pk")
    return [story for story in stories if story.get_translation_or_none(english) is None]


def translated_story(slug="together-on-the-street"):
    story = untranslated_stories()[0]
    translate_page(story, {story.title: ENGLISH_TITLE}, slug=slug)
    return story


def test_a_translated_page_is_served_at_its_english_slug(client, demo_content):
    story = translated_story()
    english_url = url_in("en", story)
    assert english_url.startswith("/en/") and english_url.endswith("/together-on-the-street/")
    assert english_url == "/en" + url_in("nl", story).replace(story.slug, "together-on-the-street")
    # The English copy's own URL (the admin's "view live") is the same address.
    assert story.get_translation(Locale.objects.get(language_code="en")).url == english_url
    soup = soup_of(client, english_url)
    assert soup.find("h1").get_text(strip=True) == ENGLISH_TITLE
    # The Dutch address is untouched.
    assert soup_of(client, url_in("nl", story)).find("h1").get_text(strip=True) == story.title


def test_the_dutch_slug_under_en_redirects_permanently_to_the_english_address(client, demo_content):
    story = translated_story()
    old = "/en" + url_in("nl", story)
    response = client.get(old + "?utm_source=mail")
    assert response.status_code == 301
    assert response["Location"] == url_in("en", story) + "?utm_source=mail"


def test_an_untranslated_page_keeps_its_dutch_slug_below_an_english_parent(client, demo_content):
    story = untranslated_stories()[0]
    index = story.get_parent().specific
    assert url_in("en", story) == "/en" + url_in("nl", story)
    translate_page(index, {index.title: "Practice stories"}, slug="practice-stories")
    english_index = url_in("en", index)
    assert english_index == "/en" + url_in("nl", index).replace(f"/{index.slug}/", "/practice-stories/")
    assert url_in("en", story) == english_index + story.slug + "/"
    assert soup_of(client, url_in("en", story)).find("h1")["lang"] == "nl"
    old = client.get("/en" + url_in("nl", story))
    assert old.status_code == 301 and old["Location"] == url_in("en", story)
    # Translated in turn, the story moves to its own English slug below its parent's.
    translate_page(story, {story.title: ENGLISH_TITLE}, slug="together-on-the-street")
    assert url_in("en", story) == english_index + "together-on-the-street/"
    assert soup_of(client, url_in("en", story)).find("h1").get_text(strip=True) == ENGLISH_TITLE


def test_the_language_switch_and_hreflang_give_the_address_in_each_language(client, demo_content):
    story = translated_story()
    dutch, english = url_in("nl", story), url_in("en", story)
    for page_url, other_language, other_url in [(dutch, "en", english), (english, "nl", dutch)]:
        soup = soup_of(client, page_url)
        switch = soup.find("a", attrs={"hreflang": other_language, "lang": other_language})
        assert switch["href"] == other_url
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        assert alternates["en"].endswith(english) and alternates["nl"].endswith(dutch)
        assert alternates["x-default"] == alternates["nl"]
        assert soup.find("link", rel="canonical")["href"].endswith(page_url)


def test_the_sitemap_lists_the_english_address(client, demo_content):
    story = translated_story()
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert sum(location.endswith(url_in("en", story)) for location in locations) == 1
    assert not any(location.endswith("/en" + url_in("nl", story)) for location in locations)
    assert re.search(r'hreflang="en"\s+href="[^"]*' + re.escape(url_in("en", story)) + '"', xml) or re.search(
        r'href="[^"]*' + re.escape(url_in("en", story)) + r'"\s+hreflang="en"', xml
    )


def test_links_to_it_under_en_give_the_english_address(client, demo_content):
    story = translated_story()
    english = url_in("en", story)
    listing = url_in("en", StoryIndexPage.objects.filter(locale__language_code="nl").first())
    assert english in [a["href"] for a in soup_of(client, listing).find_all("a", href=True)]
    hits = soup_of(client, "/en/zoeken/?q=" + story.title.split()[0])
    assert english in [a["href"] for a in hits.find_all("a", href=True)]
    feed = client.get("/en/feeds/praktijkverhalen/").content.decode()
    assert english + '"' in feed and "/en" + url_in("nl", story) + '"' not in feed
    search_api = client.get("/api/search/", {"q": story.title.split()[0], "locale": "en"}).json()["results"]
    assert english in [hit["url"] for hit in search_api]
    api = client.get(f"/api/v2/stories/{story.pk}/?locale=en").json()
    assert api["meta"]["html_url"].endswith(english)
    assert client.get(f"/api/v2/stories/{story.pk}/").json()["meta"]["html_url"].endswith(url_in("nl", story))


def test_page_paths_translate_both_ways(demo_content):
    story = translated_story()
    dutch = url_in("nl", story).lstrip("/")
    english = page_path_in_language(dutch, "en")
    assert english.endswith("together-on-the-street/")
    assert page_path_in_default_language(english, "en") == dutch
    # A sub-route below the page keeps its own words.
    assert page_path_in_language(dutch + "extra/", "en") == english + "extra/"
    assert page_path_in_language(dutch, "nl") == dutch
