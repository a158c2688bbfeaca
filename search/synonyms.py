"""Synonym sets as the query side uses them, cached until an editor changes one.

Synonyms are applied when a query is parsed, never while indexing, so a change to a
`Synonym` snippet works on the next search without re-indexing (Elasticsearch gets the sets
at its next index rebuild, see backends/elastic.py).
"""

import time

from django.core.cache import cache

from .analysis import STOP_WORDS, stem, tokens

CACHE_KEY = "search:synonym-map:v1"
# Each process keeps the map for a few seconds so a search costs no cache round trip;
# an edit in this process is seen at once, in other processes within LOCAL_SECONDS.
LOCAL_SECONDS = 5
_local = {"map": None, "at": 0.0}


def term_words(term):
    """The words of a synonym term as they are matched: folded, without stop words."""
    return tuple(word for word in tokens(term) if word not in STOP_WORDS)


def synonym_sets():
    """Every active set as a list of terms (strings), straight from the database."""
    from .models import Synonym

    return [synonym.term_list for synonym in Synonym.objects.filter(active=True)]


def synonym_map():
    """{stemmed word tuple: [word tuple, …]}: for each term, all terms of its set(s)."""
    if _local["map"] is not None and time.monotonic() - _local["at"] < LOCAL_SECONDS:
        return _local["map"]
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        mapping = {}
        for terms in synonym_sets():
            alternatives = [words for words in (term_words(term) for term in terms) if words]
            for words in alternatives:
                key = tuple(stem(word) for word in words)
                merged = mapping.setdefault(key, [])
                for alternative in alternatives:
                    if alternative not in merged:
                        merged.append(alternative)
        cache.set(CACHE_KEY, mapping, timeout=None)
    _local.update(map=mapping, at=time.monotonic())
    return mapping


def invalidate(**kwargs):
    _local.update(map=None, at=0.0)
    cache.delete(CACHE_KEY)
