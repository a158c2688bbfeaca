"""The one way into search, for the search page, the JSON API and listing filters.

    search("tienermoeders", {"type": ["story"]}, page=1, page_size=10) -> SearchResults
    autocomplete("tiener") -> ["Tienermoeders in Rotterdam", "tienermoeder", …]
    related("practices.PracticeStoryPage:42", kinds=["story"], limit=3) -> [Result, …]

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


def related(key, kinds=None, limit=3):
    """Published documents nearest in meaning to the one with `key` ("Vergelijkbare
    praktijkverhalen", "Methoden die hierbij passen"): [Result], best first.

    From the vectors of the database index (kept in step with Elasticsearch too), so it works on
    every backend; empty when the document has no vector or no model is available.
    """
    from . import embeddings, vectors
    from .models import IndexEntry
    from .results import Result

    limit = _number(limit, 3, 1, 20)
    name = embeddings.model_name()
    if not name:
        return []
    entry = IndexEntry.objects.filter(key=key, embedding_model=name).only("id", "embedding").first()
    if entry is None or entry.embedding is None:
        return []
    vector = embeddings.from_bytes([entry.embedding], embeddings.model().dimensions)[0]
    allowed = None
    if kinds:
        allowed = list(IndexEntry.objects.filter(type__in=list(kinds)).values_list("id", flat=True))
    hits = vectors.nearest(vector, limit, allowed, exclude_ids=[entry.id])
    found = IndexEntry.objects.in_bulk([entry_id for entry_id, _ in hits])
    return [
        Result(
            key=found[entry_id].key,
            title=found[entry_id].title,
            url=found[entry_id].url,
            type=found[entry_id].type,
            municipality=found[entry_id].municipality,
            summary=found[entry_id].summary,
            score=score,
        )
        for entry_id, score in hits
        if entry_id in found
    ]
