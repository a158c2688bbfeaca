"""Which language a piece of content is written in, so pages can say so (issue 18).

The interface follows the URL (`/` Dutch, `/en/…` English, Django's `i18n_patterns`); the
content does not: editors write in Dutch, and a page shown under /en/ keeps its Dutch text.
Screen readers pick their voice from the `lang` attribute, so every stretch of content in
another language than the page's interface carries its own `lang`, and a page whose text is
not in the visitor's language says so once (`core/templatetags/language_tags.py`).

A page's language is its Wagtail locale. Editors translate a page with wagtail-localize, which
keeps the English text in a copy of the page in the English locale; that copy is never served
or listed itself. The Dutch page stays the one object everything keys on (registrations,
follows, search, the API), is the only one with an address, and is shown under /en/ with the
English text laid over it (`in_visitor_language`, called by the home page's routing). Links to
any page follow the visitor's interface (`VisitorLanguageUrlMixin`): /en/ + the Dutch page's
path under /en/, whether the page is translated or not. Why: docs/architecture.md, "Content
in two languages".

The locales are read once per process: there are two, and their language codes never change
after the set-up.
"""

import dataclasses

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from core.object_keys import model_and_pk

_locale_codes = {}
_text_fields = {}


def interface_language():
    """The language of the request's interface: "nl" or "en"."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def default_language():
    """The language the editors write in and every canonical page is in: "nl"."""
    return settings.LANGUAGE_CODE.split("-")[0]


def unknown_language_message(code):
    """The Dutch message for an API's `?locale=` that is no language of the site, else None:
    one wording and one list of languages for the search API and the open-data API."""
    languages = dict(settings.LANGUAGES)
    if code in languages:
        return None
    return gettext("Onbekende taal %(code)r; kies uit: %(codes)s.") % {
        "code": code[:20],
        "codes": ", ".join(languages),
    }


def _load_locales():
    from wagtail.models import Locale

    _locale_codes.clear()
    _locale_codes.update(Locale.objects.values_list("pk", "language_code"))


def _language_of_locale(locale_id):
    if locale_id not in _locale_codes:
        _load_locales()
    return (_locale_codes.get(locale_id) or settings.LANGUAGE_CODE).split("-")[0]


def _locale_id(language):
    """The id of `language`'s locale, from the same once-read map (None when there is none)."""
    for attempt in range(2):
        for locale_id, code in _locale_codes.items():
            if code.split("-")[0] == language:
                return locale_id
        if attempt == 0:
            _load_locales()
    return None


def _base_page_model():
    from wagtail.models import Page

    return Page


def _same_model_pages(page):
    """A queryset of `page`'s own model: for a specific page one query returns the specific page
    (for a base `Page` the caller asks for `.specific`)."""
    return type(page)._default_manager.all()


def canonical_pages(queryset):
    """Only the pages in the default locale: the one object per content item that listings,
    feeds, the API, the sitemap and the search index show (an English copy is its text only)."""
    # By language code, not a remembered id: a test database may recreate the locales.
    return queryset.filter(locale__language_code=default_language())


def is_canonical(page):
    """Whether `page` is the canonical object of its content item (in the default locale)."""
    locale_id = getattr(page, "locale_id", None)
    return locale_id is None or _language_of_locale(locale_id) == default_language()


def canonical_page(page):
    """The default-locale page of `page`'s content item: itself, or the Dutch original of an
    English copy (the page it was translated from)."""
    if is_canonical(page):
        return page
    original = (
        _same_model_pages(page)
        .filter(translation_key=page.translation_key, locale_id=_locale_id(default_language()))
        .first()
    )
    if original is None:
        return page
    return original if type(original) is not _base_page_model() else original.specific


def content_language(page):
    """The language `page`'s own text is written in (its locale, or the language of the
    translation laid over it by `in_visitor_language`); Dutch for anything else."""
    shown = getattr(page, "shown_language", None)
    if shown:
        return shown
    if getattr(page, "alias_of_id", None):
        # An alias in the English tree (a parent wagtail-localize added) holds the Dutch text.
        return default_language()
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    return _language_of_locale(locale_id)


def live_translation(page, language):
    """`page`'s published translation into `language` (a real translation, not an alias), or None.

    One query when `page` is specific (its own model's queryset returns the specific page).
    """
    locale_id = _locale_id(language)
    if locale_id is None:
        return None
    translation_ = (
        _same_model_pages(page)
        .filter(translation_key=page.translation_key, locale_id=locale_id, live=True, alias_of__isnull=True)
        .exclude(pk=page.pk)
        .first()
    )
    if translation_ is not None and type(translation_) is _base_page_model():
        return translation_.specific
    return translation_


def live_translations(pages, language=None):
    """{canonical page id: the text of its published translation into `language`}, for many
    pages in ONE query: the listings, menus, cards and search hits an English visitor reads.

    `pages`: page objects, or page ids (a search hit knows only its page's id), or pairs
    (page model, id) when the caller knows the model (search hits do, by their index key), so
    that the specific text fields (a story's standfirst, a method's summary) come along.
    Each translation is a dict {field name: text} of `translated_text_fields`; a page whose model
    is not known gets its base fields only (the title). `language`: the interface's by default.
    The specific fields come from the same query (`select_related` of each model's row), so the
    count of queries stays one however many cards and page types a list has.
    """
    from django.db.models import OuterRef, Q, Subquery

    Page = _base_page_model()
    language = language or interface_language()
    locale_id = _locale_id(language)
    if language == default_language() or locale_id is None:
        return {}
    models, ids, keys = set(), set(), {}
    for item in pages:
        if isinstance(item, Page):
            if item.pk is None or not is_canonical(item):
                continue
            keys[item.translation_key] = item.pk
            model = type(item)
        elif isinstance(item, tuple):
            model, page_id = item
            ids.add(page_id)
        else:
            model, page_id = Page, item
            ids.add(page_id)
        if model is not Page and issubclass(model, Page):
            models.add(model)
    if not keys and not ids:
        return {}
    found = Page.objects.filter(locale_id=locale_id, live=True, alias_of__isnull=True)
    if ids:
        # Only ids: the originals' translation keys, and which original each row translates,
        # are read inside the same query.
        originals = Page.objects.filter(pk__in=ids)
        found = found.filter(
            Q(translation_key__in=list(keys)) | Q(translation_key__in=originals.values("translation_key"))
        ).annotate(original_id=Subquery(originals.filter(translation_key=OuterRef("translation_key")).values("pk")[:1]))
    else:
        found = found.filter(translation_key__in=list(keys))
    accessors = {model: model._meta.get_ancestor_link(Page).remote_field.get_accessor_name() for model in models}
    texts = {}
    for translated in found.select_related(*accessors.values()):
        original_id = keys.get(translated.translation_key) or getattr(translated, "original_id", None)
        if original_id is not None:
            texts[original_id] = _texts_of(translated, accessors)
    return texts


def _texts_of(translated, accessors):
    """The translated text fields of a base `Page` row whose specific row came along with it
    (`accessors`: page model → its row's name on `Page`); the base fields only otherwise."""
    Page = _base_page_model()
    model = translated.specific_class
    specific = getattr(translated, accessors[model], None) if model in accessors else None
    if specific is None:
        model = Page
    return {
        name: getattr(translated if model._meta.get_field(name).model is Page else specific, name)
        for name in translated_text_fields(model)
    }


def translated_text_fields(model):
    """The names of `model`'s own text fields an editor translates (wagtail-localize's
    translatable fields that are plain columns: title, lead, body, …), never the slug, so the
    address stays the Dutch page's."""
    if model not in _text_fields:
        from wagtail_localize.fields import TranslatableField, get_translatable_fields

        concrete = {field.name for field in model._meta.concrete_fields if not field.is_relation}
        _text_fields[model] = [
            field.field_name
            for field in get_translatable_fields(model)
            if isinstance(field, TranslatableField) and field.field_name in concrete and field.field_name != "slug"
        ]
    return _text_fields[model]


def in_visitor_language(page):
    """`page` (a canonical page being served) with the text of its translation into the
    interface's language laid over it, when it has a published one; else `page` unchanged.

    Only the text changes: the object, its id, its forms, seats and follows stay the Dutch
    page's, so registering on an English atelier page fills the Dutch atelier's places.
    """
    language = interface_language()
    if language == default_language() or not is_canonical(page):
        return page
    translated = live_translation(page, language)
    if translated is None or not isinstance(translated, type(page)):
        return page
    for name in translated_text_fields(type(page)):
        setattr(page, name, getattr(translated, name))
    page.shown_language = language
    return page


def visitor_language_items(pages):
    """`pages` (canonical pages: a listing's cards, a menu, a feed's entries) as a list, each with
    the text of its translation into the interface's language laid over it where it has a
    published one and marked so (`shown_language`, read by `content_language`); the others stay
    as they are. One query for the whole list (`live_translations`), none in Dutch."""
    pages = list(pages)
    language = interface_language()
    if language == default_language():
        return pages
    translations = live_translations(pages, language)
    for page in pages:
        texts = translations.get(getattr(page, "pk", None))
        if texts is not None:
            _lay_over(page, texts, language)
    return pages


def _lay_over(page, texts, language):
    for name, value in texts.items():
        setattr(page, name, value)
    page.shown_language = language


def path_for_visitor(path):
    """A site path of the Dutch site in the interface's language (unchanged in Dutch, and for
    anything that is no path of the site)."""
    language = interface_language()
    if language == default_language() or not path.startswith("/"):
        return path
    try:
        return path_in_language(path, language)
    except (Resolver404, NoReverseMatch):
        return path


def with_visitor_urls(results):
    """Copies of search results (dataclasses with a Dutch site path in `url`, as the index keeps
    them) as an English visitor reads them: linking under /en/, where the page's English
    translation is shown when it has one, and with that translation's title and summary
    (`results_in_language`). Unchanged in Dutch."""
    if interface_language() == default_language():
        return list(results)
    return results_in_language([dataclasses.replace(result, url=path_for_visitor(result.url)) for result in results])


# What a search hit's summary is on each page type (its search document's `summary`).
SUMMARY_FIELDS = ("standfirst", "summary")


def results_in_language(results, language=None):
    """Copies of search hits (search.results.Result: a page's index key, title, summary) with
    the title and summary of their page's published translation into `language` (the
    interface's by default), marked so (`shown_language`); one query for all hits, mapped by
    page id. The highlighted Dutch excerpt of such a hit is left out, and so is its Dutch summary
    when the translation has none: no Dutch text is shown as English."""
    language = language or interface_language()
    results = list(results)
    if language == default_language():
        return results
    pages = [_page_of_key(result.key) for result in results]
    translations = live_translations([page for page in pages if page], language)
    shown = []
    for result, page in zip(results, pages, strict=True):
        texts = translations.get(page[1]) if page else None
        if texts is None:
            shown.append(result)
            continue
        summary = next((texts[name] for name in SUMMARY_FIELDS if texts.get(name)), "")
        copy = dataclasses.replace(result, title=texts.get("title") or result.title, summary=summary, highlight="")
        copy.shown_language = language
        shown.append(copy)
    return shown


def _page_of_key(key):
    """(page model, id) of a search index key ("practices.PracticeStoryPage:12"), or None for
    anything that is no page (a tip)."""
    from wagtail.models import Page

    return model_and_pk(key, base=Page)


def path_in_language(path, language):
    """The same site path in `language`'s URLs ("/kennisbank/x/" → "/en/kennisbank/x/")."""
    with translation.override(default_language()):
        match = resolve(path)
    with translation.override(language):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)


class VisitorLanguageUrlMixin:
    """Page links that keep the visitor in their language (a mixin for every page type).

    With Wagtail's i18n on, Wagtail builds a page's URL in the language of the page's locale,
    so every Dutch page would link out of /en/. Here a page's address is always its canonical
    (Dutch) page's path, in the interface's language for a Dutch page (/en/… under /en/) and
    in its own language for a translation: the address where `in_visitor_language` shows it.
    """

    def get_url_parts(self, request=None):
        if not is_canonical(self):
            original = canonical_page(self)
            if original is self:
                return None
            with translation.override(_language_of_locale(self.locale_id)):
                return original.get_url_parts(request)
        parts = super().get_url_parts(request)
        language = interface_language()
        if parts is None or parts[2] is None or language == default_language():
            return parts
        site_id, root_url, path = parts
        return site_id, root_url, path_in_language(path, language)


def foreign_language(page):
    """The content language of `page` when it differs from the interface's, else ""."""
    language = content_language(page)
    return language if language != interface_language() else ""


def marked_label(item):
    """`item.label` (a vocabulary term: taxonomy.models.BilingualLabel), inside
    `<span lang="nl">` when it is not in the interface's language (no English label yet)."""
    if item is None or item == "":
        return ""
    label = getattr(item, "label", None)
    if label is None:
        return str(item)
    language = getattr(item, "label_language", "")
    if language and language != interface_language():
        return format_html('<span lang="{}">{}</span>', language, label)
    return label
