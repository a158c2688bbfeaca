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
from django.utils.translation import get_language

_locale_codes = {}
_text_fields = {}


def interface_language():
    """The language of the request's interface: "nl" or "en"."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def default_language():
    """The language the editors write in and every canonical page is in: "nl"."""
    return settings.LANGUAGE_CODE.split("-")[0]


def _language_of_locale(locale_id):
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return (_locale_codes.get(locale_id) or settings.LANGUAGE_CODE).split("-")[0]


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
    from wagtail.models import Locale

    original = page.get_translation_or_none(Locale.objects.get(language_code=default_language()))
    return original.specific if original is not None else page


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
    """`page`'s published translation into `language` (a real translation, not an alias), or None."""
    from wagtail.models import Page

    return (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=language,
            live=True,
            alias_of__isnull=True,
        )
        .exclude(pk=page.pk)
        .specific()
        .first()
    )


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
    """A short list of canonical pages (a feed's entries) with their translations' text laid
    over them where the interface's language has one; one query per page, so for short lists."""
    return [in_visitor_language(page) for page in pages]


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
    them) that link in the interface's language: under /en/, to /en/ + the path, where the
    page's English translation is shown when it has one."""
    if interface_language() == default_language():
        return list(results)
    return [dataclasses.replace(result, url=path_for_visitor(result.url)) for result in results]


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
