"""Typo tolerance: correct a query word to the nearest word that is in the index.

The vocabulary (`IndexTerm`) is loaded once per process and reloaded when a shared version
number in the cache changes, which happens whenever the index changes.
"""

import threading
import time
from collections import defaultdict

from django.core.cache import cache

from .analysis import stem

VERSION_KEY = "search:vocabulary-version"
CHECK_SECONDS = 5  # how often a process asks the shared cache whether the index changed
_lock = threading.Lock()
_loaded = {"version": None, "vocabulary": None, "checked": 0.0}


class Vocabulary:
    def __init__(self, counts):
        self.counts = counts
        self.stems = {stem(term) for term in counts}
        self.by_initial = defaultdict(list)
        for term in counts:
            self.by_initial[term[0]].append(term)

    def knows(self, word):
        return word in self.counts or stem(word) in self.stems

    def correct(self, word, extra=()):
        """The most common indexed word within a small edit distance, or None.

        `extra` are words that count as known although no entry uses them literally (the
        words of synonym sets: "tienermoedrs" → "tienermoeders" finds "jonge moeders").
        """
        if len(word) < 4 or word.isdigit():
            return None
        limit = 1 if len(word) <= 5 else 2
        best, best_key = None, None
        candidates = list(self.by_initial.get(word[0], ())) + [term for term in extra if term[:1] == word[:1]]
        for candidate in candidates:
            if abs(len(candidate) - len(word)) > limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -self.counts.get(candidate, 1))
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best

    def completions(self, prefix, limit=5):
        matches = [term for term in self.by_initial.get(prefix[:1], ()) if term.startswith(prefix)]
        return sorted(matches, key=lambda term: (-self.counts[term], term))[:limit]


class OpenVocabulary:
    """For engines that correct typos themselves: every word counts as known."""

    def knows(self, word):
        return True

    def correct(self, word, extra=()):
        return None

    def completions(self, prefix, limit=5):
        return []


def edit_distance(a, b, limit):
    """Damerau–Levenshtein (optimal string alignment), giving up beyond `limit`."""
    previous_previous, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def vocabulary():
    if _loaded["vocabulary"] is not None and time.monotonic() - _loaded["checked"] < CHECK_SECONDS:
        return _loaded["vocabulary"]
    # A fresh token whenever the key is missing (cache cleared or evicted) forces a reload.
    version = cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)
    _loaded["checked"] = time.monotonic()
    if _loaded["version"] != version or _loaded["vocabulary"] is None:
        from .models import IndexTerm

        with _lock:
            counts = dict(IndexTerm.objects.values_list("term", "doc_count").iterator(chunk_size=5000))
            _loaded.update(version=version, vocabulary=Vocabulary(counts))
    return _loaded["vocabulary"]


def changed():
    _loaded["checked"] = 0.0
    # A unique token, never an increment: after a cache clear or cache.incr() on the database
    # cache (which re-stores the key with the default timeout) an old number could come back.
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
