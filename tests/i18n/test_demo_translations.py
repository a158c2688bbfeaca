"""The demo's English translations (issue 18, phase 3): a few pages an English visitor of the
demo sees in English, made through wagtail-localize from `home/demo_data/english.toml`."""

import os

from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from ateliers.models import AtelierPage
from home import demo
from home.models import ContentPage, HomePage
from practices.models import MethodPage, PracticeStoryPage

from .conftest import soup_of, url_in


def english_copies():
    return Page.objects.filter(locale__language_code="en", alias_of__isnull=True, live=True)


def test_the_demo_has_english_translations_made_by_wagtail_localize(demo_content):
    by_type = {}
    for page in english_copies().specific():
        by_type.setdefault(type(page), []).append(page)
    assert len(by_type[HomePage]) == 1
    assert sorted(page.slug for page in by_type[ContentPage]) == sorted(
        ["privacy-statement", "accessibility-statement", "contact", "colophon"]
    )
    assert len(by_type[PracticeStoryPage]) == 2
    assert len(by_type[MethodPage]) == 1
    assert len(by_type[AtelierPage]) == 1
    assert set(by_type) == {HomePage, ContentPage, PracticeStoryPage, MethodPage, AtelierPage}
    # Normal wagtail-localize translations: one Translation per page, with its strings.
    assert Translation.objects.filter(target_locale__language_code="en").count() == 9
    assert StringTranslation.objects.filter(locale__language_code="en").exists()
    # Every text of every page has its English: no Dutch sentence inside an English page.
    for label, model, slug, english_slug, english in demo.english_pages():
        page = model.objects.get(slug=slug, locale__language_code="nl")
        assert set(demo.texts_to_translate(page)) <= set(english), label
        # Each translated page (but the home page) has its English slug, and lives there.
        if english_slug:
            copy = page.get_translation(Locale.objects.get(language_code="en"))
            assert copy.slug == english_slug, label
            with translation.override("en"):
                assert page.url.endswith(f"/{english_slug}/"), label


def translation_state():
    """What the demo's translations consist of: the English pages with their revisions, and
    wagtail-localize's records."""
    english = list(Page.objects.filter(locale__language_code="en").order_by("pk").values_list("pk", "live", "title"))
    return (
        english,
        Revision.page_revisions.filter(object_id__in=[str(pk) for pk, _live, _title in english]).count(),
        Translation.objects.count(),
        TranslationSource.objects.count(),
        StringTranslation.objects.count(),
    )


def test_loading_the_demo_again_changes_no_translation(demo_content):
    before = translation_state()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    assert translation_state() == before
    assert english_copies().count() == 9


def test_an_english_visitor_of_the_demo_reads_the_translated_pages_in_english(client, demo_content):
    home = soup_of(client, "/en/")
    assert "Municipalities, knowledge institutes, youth professionals and parents" in home.get_text()
    footer = home.find("footer")
    labels = {a.get_text(strip=True): a.get("lang") for a in footer.find_all("a")}
    for label in ("Privacy statement", "Accessibility statement", "Contact", "Colophon"):
        assert labels[label] is None, labels

    story = PracticeStoryPage.objects.get(slug="think-tweede-klas", locale__language_code="nl")
    soup = soup_of(client, url_in("en", story))
    assert soup.find("h1").get_text(strip=True) == "TalentStad now teaches THINK in the second year too"
    assert soup.find("h1").get("lang") is None
    assert "This page is available in Dutch only." not in soup.get_text()

    atelier = AtelierPage.objects.get(slug="preventie-in-de-wijk", locale__language_code="nl")
    listing = soup_of(client, url_in("en", atelier.get_parent().specific))
    link = listing.find("a", href=url_in("en", atelier))
    assert link.get_text(strip=True) == "Prevention in the neighbourhood: from practice story to approach"

    # A page nobody translated stays Dutch, and says so.
    other = PracticeStoryPage.objects.filter(locale__language_code="nl").exclude(slug__in=["think-tweede-klas"]).first()
    untranslated = [p for p in [other] if not english_copies().filter(translation_key=p.translation_key).exists()]
    for page in untranslated:
        assert soup_of(client, url_in("en", page)).find("h1")["lang"] == "nl"
