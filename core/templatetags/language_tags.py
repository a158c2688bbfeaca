"""Marking content that is not in the interface's language (core/languages.py).

- `<h1{% content_lang page %}>`: ` lang="nl"` on an element holding the page's own text when
  the visitor reads the English interface and the page is Dutch; nothing otherwise.
- `{% excerpt_lang result %}`: the same for a search hit's excerpt, which may stay Dutch beside an
  English title.
- `{{ product|bilingual:"title" }}`: a snippet's text field in the visitor's language (its
  `title_en` under /en/), the Dutch inside `<span lang="nl">` where there is no English.
- `{% untranslated_notice page %}`: the one note near the title that the page is in Dutch only.
- `{{ term|term_label }}`: a vocabulary term's label in the visitor's language; a term without
  an English label shows its Dutch name inside `<span lang="nl">`.
- `{% visitor_language_items pages as pages %}`: a list of pages (cards, links to other pages)
  with the English title and summary of each one that has a published translation, in one
  query for the list; `{% content_lang %}` then marks each as it is shown.
"""

from django import template
from django.utils.html import format_html, format_html_join

from core import languages
from core.languages import foreign_language, interface_language, marked_label

register = template.Library()


@register.simple_tag
def content_lang(page):
    language = foreign_language(page) if page is not None else ""
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def excerpt_lang(result):
    """` lang="…"` for a search hit's excerpt or summary: its own language when it kept the Dutch
    one beside an English title (`core.languages.results_in_language`), else the hit's."""
    language = getattr(result, "excerpt_language", "")
    if language:
        return format_html(' lang="{}"', language) if language != interface_language() else ""
    return content_lang(result)


@register.inclusion_tag("core/untranslated_notice.html")
def untranslated_notice(page):
    return {"language": foreign_language(page) if page is not None else ""}


@register.filter
def term_label(term):
    """The label of anything with `label` and `label_language` (taxonomy.models.BilingualLabel)."""
    return marked_label(term)


@register.filter
def bilingual(item, field):
    """`{{ product|bilingual:"title" }}`: a snippet's text in the visitor's language, its Dutch
    text inside `<span lang="nl">` where it has no English yet (`core.languages.marked_text`)."""
    return languages.marked_text(item, field)


@register.simple_tag
def lang_attr(language):
    """` lang="…"` for a `language` other than the interface's (a facet option's label_language)."""
    return format_html(' lang="{}"', language) if language and language != interface_language() else ""


@register.filter
def term_labels(terms):
    """Several terms' labels, comma-separated, each marked as `term_label` marks one."""
    return format_html_join(", ", "{}", ((term_label(term),) for term in terms))


@register.simple_tag
def visitor_language_items(pages):
    """The pages of a list in the visitor's language where translated (core.languages)."""
    return languages.visitor_language_items(pages or ())
