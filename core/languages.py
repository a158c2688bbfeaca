"""Which language a piece of content is written in, so pages can say so (issue 18).

The interface follows the URL (`/` Dutch, `/en/…` English, Django's `i18n_patterns`); the
content does not: editors write in Dutch, and a page shown under /en/ keeps its Dutch text.
Screen readers pick their voice from the `lang` attribute, so every stretch of content in
another language than the page's interface carries its own `lang`, and a page whose text is
not in the visitor's language says so once (`core/templatetags/language_tags.py`).

A page's language is its Wagtail locale. Editors translate a page with wagtail-localize, which
keeps the English text in a copy of the page in the English locale; that copy is never served
or listed itself. The Dutch page stays the one object everything keys on (registrations,
follows, search, the API) and is shown under /en/ with the English text laid over it
(`in_visitor_language`, called by the home page's routing). Its English address uses the slugs
the translators chose (an untranslated page keeps its Dutch slug below its parent's English
address: `page_path_in_language`), and its old /en/ address with the Dutch
slug redirects there. Links to any page follow the visitor's interface
(`VisitorLanguageUrlMixin`, `path_in_language`, `url_in_language`). Why: docs/architecture.md,
"Content in two languages".

The locales are read once per process: there are two, and their language codes never change
after the set-up.
"""

import dataclasses
from urllib.parse import unquote, urlsplit, urlunsplit

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


def _same_item_in_locale(page, locale_id, **conditions):
    """The other page of `page`'s content item in `locale_id` that meets `conditions`, specific,
    or None. One query when `page` is specific: its own model's queryset returns the specific
    page (a base `Page` costs a second one for `.specific`)."""
    found = (
        type(page)
        ._default_manager.filter(translation_key=page.translation_key, locale_id=locale_id, **conditions)
        .exclude(pk=page.pk)
        .first()
    )
    return found.specific if type(found) is _base_page_model() else found


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
    return _same_item_in_locale(page, _locale_id(default_language())) or page


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
    return _same_item_in_locale(page, locale_id, live=True, alias_of__isnull=True)


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
    translatable fields that are plain columns: title, lead, body, …), never the slug: the page
    served stays the Dutch object, and its English slug makes its English address instead
    (`page_path_in_language`)."""
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
    page id. The highlighted Dutch excerpt of such a hit is left out; when the translation has no
    summary the hit keeps its Dutch excerpt or summary, marked as Dutch (`excerpt_language`, read
    by `{% excerpt_lang %}`): no Dutch text is shown as English, and none is hidden."""
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
        title = texts.get("title") or result.title
        if summary:
            copy = dataclasses.replace(result, title=title, summary=summary, highlight="")
        else:
            # The translation has no summary (an atelier's is optional): the hit keeps what the
            # Dutch hit shows, its excerpt or summary, marked as Dutch (`excerpt_language`).
            copy = dataclasses.replace(result, title=title)
            copy.excerpt_language = default_language()
        copy.shown_language = language
        shown.append(copy)
    return shown


def _page_of_key(key):
    """(page model, id) of a search index key ("practices.PracticeStoryPage:12"), or None for
    anything that is no page (a tip)."""
    from wagtail.models import Page

    return model_and_pk(key, base=Page)


def path_in_language(path, language, request=None):
    """The same site path in `language`'s URLs ("/kennisbank/x/" → "/en/kennisbank/x/").

    `path` may be in any language of the site (its prefix says which). A page's address is
    translated too: "/praktijkverhalen/think-tweede-klas/" → "/en/praktijkverhalen/think-in-the-second-year/"
    when the translator gave the page an English slug (`page_path_in_language`).
    Raises Resolver404 / NoReverseMatch for anything that is no path of the site.
    """
    source = translation.get_language_from_path(path) or default_language()
    with translation.override(source):
        match = resolve(path)
    args = match.args
    if match.url_name == "wagtail_serve" and args:
        dutch = page_path_in_default_language(args[0], source, request)
        args = (page_path_in_language(dutch, language, request), *args[1:])
    with translation.override(language):
        return reverse(match.view_name, args=args, kwargs=match.kwargs)


def url_in_language(url, language, request=None):
    """`url` (a path with its query, as `request.get_full_path()` gives it) in `language`, for the
    language switch and the hreflang alternates; unchanged when it is no address of the site
    (as Django's `translate_url`, which knows nothing of pages' translated slugs)."""
    parsed = urlsplit(url)
    try:
        path = path_in_language(unquote(parsed.path), language, request)
    except (Resolver404, NoReverseMatch):
        return url
    return urlunsplit((parsed.scheme, parsed.netloc, path, parsed.query, parsed.fragment))


# -- Translated addresses ----------------------------------------------------------------------
#
# A page's address under /en/ is its Dutch path with, segment by segment, the English slug of
# each page on it that has a published English translation (the slug its translator chose in
# wagtail-localize); a page without one keeps its own Dutch slug below its parent's English
# address. The map below holds only the pages whose English path differs from the Dutch one
# ({Dutch path: English path} and back, paths below the home page, "a/b/"); every other address
# follows from its nearest mapped ancestor. It is read in one query and kept per process for the
# page cache's generation (`core.page_cache.cached_for_generation`: publishing, unpublishing or
# moving a page starts a new one).


def _relative_page_path(url_path):
    """A page's path below its site's home page ("/home-nl/a/b/" → "a/b/")."""
    parts = url_path.split("/", 2)
    return parts[2] if len(parts) > 2 else ""


def _load_translated_paths(language):
    """({Dutch path: path in `language`}, the reverse) for every page whose address differs.

    One query: the slugs of the live translations (never aliases: an untranslated parent that
    wagtail-localize copied into the English tree keeps its Dutch slug, whatever slug its alias
    kept), each under its Dutch original's path. A path reads in English segment by segment, each
    page's English slug where it has a live translation: the Dutch tree's shape decides, so a page
    moved in Dutch moves in English too."""
    from django.db.models import OuterRef, Subquery

    Page = _base_page_model()
    locale_id, default_id = _locale_id(language), _locale_id(default_language())
    if locale_id is None or default_id is None:
        return {}, {}
    originals = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=default_id, live=True)
    rows = (
        Page.objects.filter(locale_id=locale_id, live=True, alias_of__isnull=True, depth__gt=2)
        .annotate(original_path=Subquery(originals.values("url_path")[:1]))
        .exclude(original_path=None)
        .values_list("original_path", "slug")
    )
    slugs = {_relative_page_path(original_path): slug for original_path, slug in rows}
    to_language, from_language = {}, {}
    for dutch in slugs:
        prefix, translated = "", ""
        for segment in dutch.split("/")[:-1]:
            prefix += f"{segment}/"
            translated += f"{slugs.get(prefix, segment)}/"
        if dutch and translated != dutch:
            to_language[dutch] = translated
            from_language[translated] = dutch
    return to_language, from_language


def _translated_paths(language, request=None):
    """({Dutch path: path in `language`}, the reverse); with `request`, the page cache's
    generation is read once for the request, else once per call."""
    from core.page_cache import cached_for_generation

    return cached_for_generation(request, f"translated-page-paths:{language}", lambda: _load_translated_paths(language))


def _mapped(path, mapping):
    """`path` ("a/b/c/") with its longest prefix found in `mapping` replaced."""
    segments = [segment for segment in path.split("/") if segment]
    for length in range(len(segments), 0, -1):
        prefix = "".join(f"{segment}/" for segment in segments[:length])
        if prefix in mapping:
            return mapping[prefix] + "".join(f"{segment}/" for segment in segments[length:])
    return path


def page_path_in_language(path, language, request=None):
    """A page path of the Dutch tree below the home page ("praktijkverhalen/think-tweede-klas/",
    as Wagtail's serve view takes it) as it reads in `language`: with the English slugs the
    translators chose for the page and its parents ("praktijkverhalen/think-in-the-second-year/")."""
    if language == default_language() or not path:
        return path
    return _mapped(path, _translated_paths(language, request)[0])


def page_path_in_default_language(path, language, request=None):
    """The Dutch page path of a page path in `language` (the reverse of `page_path_in_language`):
    what the home page routes in the Dutch tree. A path with a Dutch slug where the page has an
    English one comes back unchanged; `HomePage.route` then sends the visitor on to the English
    address."""
    if language == default_language() or not path:
        return path
    return _mapped(path, _translated_paths(language, request)[1])


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
        return site_id, root_url, path_in_language(path, language, request)


def foreign_language(page):
    """The content language of `page` when it differs from the interface's, else ""."""
    language = content_language(page)
    return language if language != interface_language() else ""


def text_in_visitor_language(item, field):
    """(text, language) of an editor's text field of a snippet as the visitor reads it: its
    English column (`<field>_en`, e.g. a product's `title_en`) under /en/ when an editor filled
    it in, else the Dutch `field`. One row per item in both languages, as the vocabulary terms
    (docs/architecture.md, "Content in two languages"): tips, votes, scores and links keep
    pointing at the one row."""
    if interface_language() != default_language():
        english = getattr(item, f"{field}_en", "")
        if english:
            return english, interface_language()
    return getattr(item, field, "") or "", default_language()


def marked_text(item, field):
    """`item.<field>` in the visitor's language (`text_in_visitor_language`), inside
    `<span lang="nl">` when it is the Dutch text under /en/ (no English yet)."""
    text, language = text_in_visitor_language(item, field)
    if text and language != interface_language():
        return format_html('<span lang="{}">{}</span>', language, text)
    return text


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


def redirect_to_permanent_address(page, request, serve_args, serve_kwargs):
    """Wagtail's `before_serve_page` hook (core/wagtail_hooks.py): a page reached under /en/ by
    its Dutch slug while it has an English one (`HomePage.route` set `permanent_address`) answers
    with a permanent redirect to its English address, its query string kept: old links and
    search engines' entries keep working and move over."""
    from django.http import HttpResponsePermanentRedirect

    address = getattr(page, "permanent_address", None)
    if not address:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)
