"""The one way into search, for the search page, the JSON API and listing filters.

    search("tienermoeders", {"type": ["story"]}, page=1, page_size=10) -> SearchResults
    autocomplete("tiener") -> ["Tienermoeders in Rotterdam", "tienermoeder", …]
    related("practices.PracticeStoryPage:42", kinds=["story", "method"], limit=3) -> {kind: [Result, …]}

Search is hybrid by default: the words of the query (with synonyms, compounds and typo
correction) and its meaning (sentence embeddings, search/embeddings.py) are ranked separately
and fused (search/vectors.py). Without an embedding model it is lexical, and says nothing of it.

Bad input never raises: a query is reduced to plain words (search/query.py), over-long
queries are cut, unknown pages fall back to the last page, and every case without
results carries a Dutch message saying what to do.

An unreachable external engine (Elasticsearch down, network error) does not fail the search
either: the database index answers instead, the results say so (`results.degraded`, with a
Dutch message) and a warning is logged.
"""

import logging
import re

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext as _

from core.query_params import printable

from .backends import get_backend
from .query import MAX_QUERY_LENGTH, parse
from .results import SearchResults
from .vocabulary import OpenVocabulary

logger = logging.getLogger(__name__)

MAX_PAGE_SIZE = 50
ENGINE_DOWN_KEY = "search:engine-unreachable"
ENGINE_RETRY_SECONDS = 30


def degraded_message():
    return _(
        "De uitgebreide zoekmachine is tijdelijk niet bereikbaar; deze resultaten komen uit de eenvoudige zoekfunctie."
    )


FACET_NAME_RE = re.compile(r"^[a-z][a-z_]{0,59}$")


def clean_filters(filters):
    cleaned = {}
    for name, values in (filters or {}).items():
        if not isinstance(name, str) or not FACET_NAME_RE.match(name):
            continue
        if isinstance(values, str):
            values = [values]
        values = [printable(value)[:255] for value in values if value not in (None, "")][:20]
        if values:
            cleaned[name] = values
    return cleaned


def _number(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def search(query="", filters=None, page=1, page_size=10, mode="hybrid"):
    """`mode` "lexical" leaves the semantic layer out (the relevance benchmark compares both)."""
    page_size = _number(page_size, 10, 1, MAX_PAGE_SIZE)
    page = _number(page, 1, 1, 10_000)
    filters = clean_filters(filters)
    results, degraded = _with_fallback(lambda backend: _search(backend, query, filters, page, page_size, mode))
    if degraded:
        results.degraded = True
        results.message = " ".join(str(part) for part in (degraded_message(), results.message) if part)
    return results


def _with_fallback(call):
    """(call(engine), False), or (call(database backend), True) when the engine is unreachable.

    After a failure the engine is skipped for ENGINE_RETRY_SECONDS on every app server (the
    mark is in the shared cache): a cluster that hangs costs one request its client timeout,
    not every request.
    """
    backend = get_backend()
    if backend.unavailable_errors and cache.get(ENGINE_DOWN_KEY):
        return call(get_backend("database")), True
    try:
        return call(backend), False
    except backend.unavailable_errors as error:
        logger.warning(
            "Search backend %s unreachable, answering from the database for %s s: %r",
            backend.name,
            ENGINE_RETRY_SECONDS,
            error,
        )
        cache.set(ENGINE_DOWN_KEY, True, ENGINE_RETRY_SECONDS)
        return call(get_backend("database")), True


def _search(backend, query, filters, page, page_size, mode="hybrid"):
    parsed = parse(query, vocab=None if backend.uses_vocabulary else OpenVocabulary())
    if parsed.is_empty and query.strip():
        results = SearchResults(query=query[:MAX_QUERY_LENGTH], page_size=page_size)
        results.message = _(
            "Uw zoekvraag bevat geen woorden waarop we kunnen zoeken. Probeer een of meer gewone woorden, "
            "bijvoorbeeld een thema, een methode of een gemeente."
        )
        return results
    results = backend.search(parsed, filters, page, page_size, mode=mode)
    if results.total and page > results.num_pages:
        results = backend.search(parsed, filters, results.num_pages, page_size, mode=mode)
    results.query = parsed.text
    results.suggestion = parsed.suggestion or results.suggestion
    if parsed.truncated:
        results.message = _("Uw zoekvraag was erg lang; we hebben gezocht op het begin ervan.")
    if results.total == 0:
        results.message = _(
            "Geen resultaten gevonden. Controleer de spelling, gebruik minder of algemenere woorden, "
            "of haal filters weg."
        )
    elif results.partial_match:
        results.message = _("Geen resultaten met al uw zoekwoorden; dit zijn resultaten met een deel ervan.")
    return results


def autocomplete(prefix, limit=8):
    prefix = printable(prefix or "")[:100]
    limit = _number(limit, 8, 1, 20)
    suggestions, _degraded = _with_fallback(lambda backend: backend.autocomplete(prefix, limit))
    return suggestions


# Facets that say what a page is about, for related content when there are no vectors: the
# free themes and the 14 working factors are what editors choose per page, so sharing them is
# a fair sign that two pages belong together (life stages and settings are too broad).
RELATED_FACETS = ("theme", "working_factor")
RELATED_FIELDS = ("id", "key", "title", "url", "type", "municipality", "summary")


def related(key, kinds=("story", "method", "publication"), limit=3, exclude_keys=()):
    """Published documents related to the one with `key`, per kind, best first:
    {"story": [Result, …], "method": […], …} ("Vergelijkbare praktijkverhalen", "Methoden die
    hierbij passen", "Gerelateerde publicaties").

    Nearest in meaning when the page has a vector of the current model (search/vectors.py,
    one pass over the vectors in memory for all kinds); otherwise, with the model off or not
    yet embedded, the documents sharing the most themes and working factors (RELATED_FACETS).
    Either way two queries, whatever the number of kinds or results: the page's own entry
    (with the entries in `exclude_keys`, e.g. the methods a story already names), and the
    related entries. Same for every visitor, so the page cache may keep it.
    """
    from . import embeddings, vectors
    from .models import IndexEntry, IndexFacet

    kinds = [kind for kind in dict.fromkeys(kinds or ()) if kind]
    limit = _number(limit, 3, 1, 20)
    found = {kind: [] for kind in kinds}
    if not kinds or not key:
        return found
    name = embeddings.model_name()
    rows = list(
        IndexEntry.objects.filter(key__in=[key, *exclude_keys]).values_list("id", "key", "embedding_model", "embedding")
    )
    own = next((row for row in rows if row[1] == key), None)
    if own is None:
        return found
    excluded = [row[0] for row in rows]
    if name and own[2] == name and own[3] is not None:
        vector = embeddings.from_bytes([own[3]], embeddings.model().dimensions)[0]
        hits = vectors.nearest_by_type(vector, kinds, limit, exclude_ids=excluded)
        ranked = {kind: [entry_id for entry_id, _ in hits[kind]] for kind in kinds}
        entries = IndexEntry.objects.only(*RELATED_FIELDS).in_bulk([i for ids in ranked.values() for i in ids])
        for kind, ids in ranked.items():
            found[kind] = [_related_result(entries[i]) for i in ids if i in entries]
        return found
    own_facets = IndexFacet.objects.filter(entry_id=own[0], name__in=RELATED_FACETS)
    shared = (
        IndexFacet.objects.filter(
            name__in=RELATED_FACETS,
            value__in=own_facets.filter(name=models.OuterRef("name")).values("value"),
            entry__type__in=kinds,
        )
        .exclude(entry_id__in=excluded)
        .values(*(f"entry__{field}" for field in RELATED_FIELDS))
        .annotate(shared=models.Count("id"))
        .order_by("-shared", "entry__title", "entry__id")[: limit * len(kinds) * 10]
    )
    for row in shared:
        entry = IndexEntry(**{field: row[f"entry__{field}"] for field in RELATED_FIELDS})
        if len(found[entry.type]) < limit:
            found[entry.type].append(_related_result(entry))
    return found


def _related_result(entry):
    from .results import Result

    return Result(
        key=entry.key,
        title=entry.title,
        url=entry.url,
        type=entry.type,
        municipality=entry.municipality,
        summary=entry.summary,
    )
