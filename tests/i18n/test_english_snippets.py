"""Snippets with visitors' text show their English under /en/ (issue 18).

Products made from tips (their title and description), a tip community's focus question and
the evaluation form's aspects have an English column beside the Dutch one, as the vocabulary
terms do; under /en/ the English is shown, and where an editor left it empty the Dutch, inside
lang="nl". Dutch visitors see the Dutch text.
"""

from django.utils import translation

from ateliers.forms import EvaluationForm
from ateliers.models import EvaluationAspect
from tips.models import Community, Product, Tip, TipLibraryPage

from .conftest import soup_of, url_in


def shown_products():
    return Product.objects.filter(tips__state=Tip.State.PUBLISHED).distinct().order_by("title")


def test_a_product_shows_its_english_title_and_description_under_en(client, demo_content):
    translated = shown_products().first()
    untranslated = Product.objects.create(
        community=translated.community, title="Brief aan de wethouder", kind=Product.Kind.LETTER
    )
    untranslated.tips.set(translated.tips.all())
    translated.title_en, translated.description_en = "A lesson for the whole class", "Made from the parents' tips."
    translated.save()
    library = url_in("en", TipLibraryPage.objects.live().get())

    english = soup_of(client, library).find("section", class_="tip-products")
    strong = [item.find("strong") for item in english.find_all("li")]
    titles = {tag.get_text(strip=True): tag for tag in strong}
    assert "A lesson for the whole class" in titles
    assert titles["A lesson for the whole class"].find(lang="nl") is None
    assert "Made from the parents' tips." in english.get_text()
    assert untranslated.title in titles and titles[untranslated.title].find("span")["lang"] == "nl"

    dutch = soup_of(client, url_in("nl", TipLibraryPage.objects.live().get())).find("section", class_="tip-products")
    assert "A lesson for the whole class" not in dutch.get_text() and translated.title in dutch.get_text()
    assert dutch.find(lang="nl") is None


def test_a_communitys_focus_question_shows_in_english_under_en(client, demo_content):
    community = Community.objects.filter(open_to_requests=True).order_by("pk").first()
    community.focus_question_en = "How do parents and teachers talk about screens?"
    community.save()
    with translation.override("en"):
        from django.urls import reverse

        english_url = reverse("tips:about", args=[community.slug])
    english = soup_of(client, english_url)
    assert english.find("dd", string="How do parents and teachers talk about screens?") is not None
    community.focus_question_en = ""
    community.save()
    dutch_inside = soup_of(client, english_url).find("span", lang="nl", string=community.focus_question)
    assert dutch_inside is not None


def test_the_evaluation_form_names_aspects_in_the_visitors_language(db):
    translated = EvaluationAspect.objects.create(name="Sfeer", name_en="Atmosphere")
    untranslated = EvaluationAspect.objects.create(name="Catering")
    with translation.override("en"):
        form = EvaluationForm(aspects=[translated, untranslated])
        assert str(form.fields[f"aspect_{translated.pk}"].label).startswith("Atmosphere (")
        assert '<span lang="nl">Catering</span>' in str(form.fields[f"aspect_{untranslated.pk}"].label)
    with translation.override("nl"):
        form = EvaluationForm(aspects=[translated])
        assert str(form.fields[f"aspect_{translated.pk}"].label).startswith("Sfeer (")
