"""English translations of a few demo pages (fiction only; `home/demo_data/english.toml`).

So that an English visitor of the demo sees what a translated page looks like (issue 18): the
home page, the four statements in the footer, two practice stories, a method and an upcoming
knowledge workshop. They are made through wagtail-localize, as an editor's "Translate this page"
makes them (`editorial.services.translate_page`), so editors find them in the admin as normal
translations they can sync and edit.

Each page gets the English slug of the data file (`slug_en`), so it lives at its English address
under /en/, as a translator's translated slug puts it (core/languages.py). Runs after every other loader, so the pages are complete when their text is read. Idempotent: a
page that has a published English translation already is left alone. A page whose Dutch text no
longer matches the data file (an editor changed it) is skipped with a message naming the text:
a page is translated whole or not at all, never with Dutch sentences in its English version.
The set-up every site gets (`setup_site`) does not depend on this.
"""

from django.apps import apps

from core.languages import live_translation
from editorial.services import translate_page

from .demo_data import demo_file

ORDER = 95

LANGUAGE = "en"


def normalised(text):
    """Text compared without regard to its line breaks and runs of spaces (rich text keeps the
    line breaks of its source; the data file need not)."""
    return " ".join(str(text).split())


def english_pages(data_file=None):
    """[(label, page model, slug, English slug or "", {normalised Dutch text: English text})]
    from the data file."""
    data_file = data_file or demo_file(__file__, "english.toml")
    pages = []
    for label, entry in data_file.entries("page", ("type", "slug", "text"), ("slug_en",), label_key="slug"):
        try:
            model = apps.get_model(entry["type"])
        except (LookupError, ValueError) as error:
            raise data_file.error(label, f"onbekend paginatype ‘{entry['type']}’.") from error
        texts = {}
        for text in data_file.each(label, entry, "text", ("nl", "en")):
            if not str(text["nl"]).strip() or not str(text["en"]).strip():
                raise data_file.error(label, "nl en en mogen niet leeg zijn.")
            texts[normalised(text["nl"])] = text["en"]
        pages.append((label, model, entry["slug"], str(entry.get("slug_en", "")).strip(), texts))
    return pages


def texts_to_translate(page):
    """The normalised Dutch texts of `page` an editor translates in wagtail-localize (all its
    string segments but the slug: the address stays the Dutch one)."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return {
        normalised(segment.string.data): segment.string.data for segment in segments if segment.string.data != page.slug
    }


def load(log):
    made = 0
    for label, model, slug, english_slug, english in english_pages():
        page = model.objects.filter(slug=slug, locale__language_code="nl").first()
        if page is None:
            log(f"Vertaling {label}: geen Nederlandse pagina ‘{slug}’; overgeslagen.")
            continue
        if live_translation(page, LANGUAGE) is not None:
            continue
        dutch = texts_to_translate(page)
        missing = [text for text in dutch if text not in english]
        if missing:
            log(f"Vertaling {label}: geen Engelse tekst voor ‘{missing[0][:60]}’; pagina niet vertaald.")
            continue
        strings = {exact: english[text] for text, exact in dutch.items()}
        translate_page(page, strings, language=LANGUAGE, slug=english_slug or None)
        made += 1
    log(f"Engelse vertalingen: {made} pagina's vertaald." if made else "Engelse vertalingen waren er al.")
