"""What an English visitor sees before any content is translated (issue 18, phase 1).

The interface under /en/ is English, vocabulary terms show their English labels, and the
editors' Dutch text is marked `lang="nl"`, with one note that the page is in Dutch only.
"""

import json

import pytest
from django.utils import translation

from practices.models import MethodPage, PracticeStoryPage, StoryIndexPage
from taxonomy.models import LifeStage, Setting, Theme
from taxonomy.setup import ENGLISH_NAMES, ensure_vocabularies, fill_english_names

from .conftest import soup_of, url_in

NOTICE = "This page is available in Dutch only."


def story_with_terms():
    return (
        PracticeStoryPage.objects.live()
        .public()
        .filter(life_stages__isnull=False, themes__isnull=False)
        .order_by("pk")
        .first()
    )


# -- vocabulary labels --------------------------------------------------------------------------


def test_the_starting_vocabularies_have_english_labels(demo_content):
    assert LifeStage.objects.get(slug="0-4").name_en == "0–4 years"
    assert Setting.objects.get(name="Buurthuis").name_en == "Community centre"
    assert not LifeStage.objects.filter(name_en="").exists()


def test_english_labels_never_overwrite_what_editors_changed(db):
    translated = LifeStage.objects.create(name="Ouders", slug="ouders", name_en="Mums and dads")
    renamed = LifeStage.objects.create(name="Buurt en wijk", slug="buurt")
    untouched = LifeStage.objects.create(name="0–4 jaar", slug="0-4")

    assert fill_english_names() == 1
    for term in (translated, renamed, untouched):
        term.refresh_from_db()
    assert translated.name_en == "Mums and dads"
    assert renamed.name_en == ""  # the Dutch name is the editor's now; its English is theirs to give
    assert untouched.name_en == ENGLISH_NAMES["0–4 jaar"]


def test_a_term_speaks_the_visitors_language_and_says_when_it_cannot(db):
    stage = LifeStage(name="0–4 jaar", name_en="0–4 years")
    theme = Theme(name="Opvoeding")
    with translation.override("en"):
        assert (stage.label, stage.label_language) == ("0–4 years", "en")
        assert (theme.label, theme.label_language) == ("Opvoeding", "nl")
    with translation.override("nl"):
        assert (stage.label, stage.label_language) == ("0–4 jaar", "nl")


def test_editors_fill_in_the_english_label_in_the_snippet_admin(client, django_user_model):
    ensure_vocabularies()
    client.force_login(django_user_model.objects.create_superuser(email="beheer@example.nl", password="x-w-1"))
    stage = LifeStage.objects.get(slug="0-4")
    url = f"/admin/snippets/taxonomy/lifestage/edit/{stage.pk}/"
    form = client.get(url).content.decode()
    assert 'name="name_en"' in form and "0–4 years" in form

    response = client.post(
        url, {"name": stage.name, "name_en": "Toddlers", "slug": stage.slug, "description": "", "sort_order": 1}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    stage.refresh_from_db()
    assert stage.name_en == "Toddlers"


# -- a Dutch page under /en/ --------------------------------------------------------------------


def test_a_dutch_story_under_en_is_marked_dutch_with_english_labels(client, demo_content):
    story = story_with_terms()
    theme = story.themes.first()
    Theme.objects.filter(pk=theme.pk).update(name_en="")  # a theme nobody translated yet
    soup = soup_of(client, url_in("en", story))

    assert soup.html["lang"] == "en"
    assert soup.title["lang"] == "nl"
    assert soup.find("h1")["lang"] == "nl"
    assert soup.find("p", class_="lead")["lang"] == "nl"
    notices = soup.find_all(string=lambda text: text and NOTICE in text)
    assert len(notices) == 1
    # The note stands before the title, in the interface's language.
    notice = soup.find("p", class_="untranslated-notice")
    assert notice.find_parent(lang="nl") is None and notice.find_next("h1") == soup.find("h1")

    facts = soup.find("aside", class_="detail-aside")
    stage = story.life_stages.first()
    assert stage.name_en in facts.get_text()
    assert facts.find(string=stage.name) is None or stage.name == stage.name_en
    # Interface words stay English, outside any lang="nl".
    assert facts.find("dt", string="Life stages").find_parent(lang="nl") is None
    # The untranslated theme keeps its Dutch name, marked so a screen reader says it in Dutch.
    assert facts.find("span", lang="nl", string=theme.name) is not None


def test_the_same_story_in_dutch_carries_no_language_marks(client, demo_content):
    story = story_with_terms()
    soup = soup_of(client, url_in("nl", story))
    assert soup.html["lang"] == "nl"
    assert NOTICE not in soup.get_text()
    assert "Deze pagina is alleen in het Nederlands beschikbaar." not in soup.get_text()
    marked = [element for element in soup.find_all(lang=True) if element.name != "html"]
    # Only the link to the English version says it is English.
    assert [element["lang"] for element in marked] == ["en"], marked


def test_menu_items_from_dutch_pages_are_marked_under_en(client, demo_content):
    story = story_with_terms()
    soup = soup_of(client, url_in("en", story))
    items = soup.select("nav.site-nav a")
    assert items and all(item.get("lang") == "nl" for item in items)
    # The interface around them is English.
    assert soup.find("nav", class_="site-nav")["aria-label"] == "Main menu"


def test_head_and_structured_data_say_the_content_is_dutch(client, demo_content):
    story = story_with_terms()
    soup = soup_of(client, url_in("en", story))
    assert soup.find("meta", property="og:locale")["content"] == "nl_NL"
    assert soup.find("meta", property="og:locale:alternate")["content"] == "en_GB"
    article = next(
        data
        for data in (json.loads(script.string) for script in soup.find_all("script", type="application/ld+json"))
        if data.get("@type") == "Article"
    )
    assert article["inLanguage"] == "nl"


def test_listing_facets_and_chosen_filters_use_english_labels(client, demo_content):
    index = StoryIndexPage.objects.live().first()
    Theme.objects.update(name_en="")
    soup = soup_of(client, url_in("en", index) + "?life_stage=0-4")

    legends = [legend.get_text(strip=True) for legend in soup.select("legend.facet__legend")]
    assert "Life stage" in legends and "Levensfase" not in legends
    labels = " ".join(label.get_text(" ", strip=True) for label in soup.select(".facet label"))
    assert "0–4 years" in labels and "0–4 jaar" not in labels
    assert "Prevention level" in legends and "Universal" in labels
    # An untranslated theme shows its Dutch name inside lang="nl".
    assert soup.select_one(".facet label span[lang=nl]") is not None
    # The chosen filter says its label in English too.
    chosen = soup.select_one(".active-filters__list").get_text(" ", strip=True)
    assert "Life stage: 0–4 years" in chosen
    # The cards' Dutch titles are marked.
    card_title = soup.select_one(".story-card h3 a")
    assert card_title["lang"] == "nl"


def test_method_evidence_levels_are_english_under_en(client, demo_content):
    method = MethodPage.objects.live().filter(evidence_records__isnull=False).order_by("pk").first()
    soup = soup_of(client, url_in("en", method))
    table = soup.select_one("table.evidence-table")
    text = table.get_text(" ", strip=True)
    assert "Dutch recognition of interventions" in text
    assert "Erkenningstraject Interventies" not in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_facet_counts_are_cached_per_language(client, demo_content, language):
    index = StoryIndexPage.objects.live().first()
    other = {"nl": "en", "en": "nl"}[language]
    soup_of(client, url_in(other, index))  # fills the cache in the other language first
    soup = soup_of(client, url_in(language, index))
    first_stage = soup.select_one("input[name=life_stage]")
    labels = soup.find("label", attrs={"for": first_stage["id"]}).get_text(" ", strip=True)
    assert labels.startswith({"nl": "Zwangerschap en geboorte", "en": "Pregnancy and birth"}[language])


def test_the_prevention_matrix_names_life_stages_and_levels_in_english(client, demo_content):
    soup = soup_of(client, "/en/kennisbank/matrix/")
    headers = [th.get_text(strip=True) for th in soup.select("table th")]
    assert "Pregnancy and birth" in headers and "Universal" in headers
    assert "Zwangerschap en geboorte" not in headers
