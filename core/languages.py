"""Which language a piece of content is written in, so pages can say so (issue 18).

The interface follows the URL (`/` Dutch, `/en/…` English, Django's `i18n_patterns`); the
content does not: editors write in Dutch, and a page shown under /en/ keeps its Dutch text.
Screen readers pick their voice from the `lang` attribute, so every stretch of content in
another language than the page's interface carries its own `lang`, and a page whose text is
not in the visitor's language says so once (`core/templatetags/language_tags.py`).

A page's language is its Wagtail locale, so a translated page (a page in the English locale)
needs no change here. The locales are read once per process: there are two, and their
language codes never change after the set-up.
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

_locale_codes = {}


def interface_language():
    """The language of the request's interface: "nl" or "en"."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def content_language(page):
    """The language `page`'s own text is written in (its locale); Dutch for anything else."""
    locale_id = getattr(page, "locale_id", None)
    if getattr(page, "alias_of_id", None):
        # An alias in the English tree shows its Dutch original's text.
        return content_language(page.alias_of)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return (_locale_codes.get(locale_id) or settings.LANGUAGE_CODE).split("-")[0]


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
