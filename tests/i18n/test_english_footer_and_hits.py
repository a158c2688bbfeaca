"""What stayed Dutch under /en/ although the editors could give English (issue 18).

- A footer link with a label of its own: its English label (`label_en`); without one, its
  translated page's English title; else the Dutch label inside lang="nl".
- A search hit of a translated atelier whose translation has no summary keeps the Dutch
  excerpt or summary, inside lang="nl", under its English title.
"""

from wagtail.models import Site

from ateliers.models import AtelierPage
from core import languages
from editorial.services import translate_page
from home.models import FooterSettings, HomePage

from .conftest import soup_of, url_in


def footer_with(links):
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.links = [("link", link) for link in links]
    footer.save()


def footer_link(soup, href):
    return soup.find("footer").find("a", href=href)


def test_a_footer_link_with_its_own_label_shows_its_english_label(client, demo_content):
    home = HomePage.objects.get(locale__language_code="nl")
    atelier = AtelierPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    footer_with(
        [
            {"page": home, "url": "", "label": "Over ons", "label_en": "About us"},
            {"page": None, "url": "https://example.org/nieuwsbrief", "label": "Nieuwsbrief", "label_en": "Newsletter"},
            {"page": None, "url": "https://example.org/vacatures", "label": "Vacatures", "label_en": ""},
            {"page": atelier, "url": "", "label": "Ons atelier", "label_en": ""},
        ]
    )
    english = soup_of(client, "/en/")
    about = footer_link(english, "/en/")
    assert about.get_text(strip=True) == "About us" and about.get("lang") is None
    newsletter = footer_link(english, "https://example.org/nieuwsbrief")
    assert newsletter.get_text(strip=True) == "Newsletter" and newsletter.get("lang") is None
    # No English label: the Dutch one, marked as Dutch.
    vacancies = footer_link(english, "https://example.org/vacatures")
    assert vacancies.get_text(strip=True) == "Vacatures" and vacancies["lang"] == "nl"
    if languages.live_translation(atelier, "en") is None:
        workshop = footer_link(english, url_in("en", atelier))
        assert workshop.get_text(strip=True) == "Ons atelier" and workshop["lang"] == "nl"
        translate_page(atelier, {atelier.title: "Our workshop in English"})
    # A translated page without an English label: its English title.
    workshop = footer_link(soup_of(client, "/en/"), url_in("en", atelier))
    assert workshop.get_text(strip=True) == "Our workshop in English" and workshop.get("lang") is None

    dutch = soup_of(client, "/")
    assert footer_link(dutch, "/").get_text(strip=True) == "Over ons"
    assert footer_link(dutch, url_in("nl", atelier)).get_text(strip=True) == "Ons atelier"
    assert "Newsletter" not in dutch.get_text()


def test_a_translated_atelier_without_a_summary_keeps_the_dutch_one_in_english_hits(client, demo_content):
    atelier = next(
        page
        for page in AtelierPage.objects.live().filter(locale__language_code="nl").exclude(summary="").order_by("pk")
        if languages.live_translation(page, "en") is None
    )
    english_copy = translate_page(atelier, {atelier.title: "A workshop in English"})
    english_copy.summary = ""  # the summary is optional: the translator left it out
    english_copy.save_revision().publish()
    assert languages.live_translation(atelier, "en").summary == ""
    query = atelier.title.split(":")[0]
    dutch_hit = soup_of(client, "/zoeken/?q=" + query).find("a", href=url_in("nl", atelier)).find_parent("li")
    dutch_excerpt = dutch_hit.find("p", class_="utrecht-paragraph")
    assert dutch_excerpt is not None

    english = soup_of(client, "/en/zoeken/?q=" + query)
    hit = english.find("a", href=url_in("en", atelier)).find_parent("li")
    assert hit.find("a").get_text(strip=True) == "A workshop in English" and hit.find("a").get("lang") is None
    excerpt = hit.find("p", class_="utrecht-paragraph")
    assert excerpt is not None, hit
    assert excerpt["lang"] == "nl"
    assert excerpt.get_text(strip=True) == dutch_excerpt.get_text(strip=True)
