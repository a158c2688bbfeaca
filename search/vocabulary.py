"""Typo tolerance: correct a query word to the nearest word that is in the index.

The vocabulary is the table `IndexTerm` (every indexed word, its stem and the number of
entries using it), kept up to date by indexing. It is read where it lies, in pieces:

- `knows(word)`, `document_count(word)`: one indexed lookup of the word or its stem (with the
  number of entries using it), remembered per process;
- `correct(word)`: only the indexed words with the same first letter (a correction never changes
  it), read once per process as a *bucket* with each word's length and letter set (as arrays),
  then filtered by length and letter set in one vectorised step before any edit distance is
  computed;
- `completions(prefix)`: one index range scan.

Why not the whole vocabulary in memory: at a realistic 200,000 words each new worker spent
about 17 s of CPU stemming and loading it, an unknown word cost about 83 ms (the edit distance
to every word with its first letter), and every publish made every worker load it all again
(BENCHMARKS.md, "Typo vocabulary"). Now a worker starts with nothing, and a publish only makes
each worker forget what it read of the first letters whose words changed: one version token per
first letter in the shared cache (checked every few seconds), and one for the whole vocabulary
(a rebuild). A story published with a new word in "j" leaves the other buckets in place.
"""

import threading
import time
from collections import OrderedDict

from django.core.cache import cache

from .analysis import stem

VERSION_KEY = "search:vocabulary-version"
# Plus the first letter: the version of the words with that first letter (see changed()).
INITIAL_VERSION_KEY = "search:vocabulary-version:"
CHECK_SECONDS = 5  # how often a process asks the shared cache whether the index changed
KNOWN_WORDS_KEPT = 20_000  # answers of knows()/document_count() remembered per process (least recently used go)
_lock = threading.Lock()
_loaded = {"version": None, "vocabulary": None, "checked": 0.0}


def letters(word):
    """The set of a word's characters as bits. One edit changes it by at most two characters
    (a replaced letter goes, another comes), so words whose sets differ by more than twice the
    allowed distance cannot be within it: a filter that never drops a true correction."""
    mask = 0
    for char in word:
        mask |= 1 << ord(char)
    return mask


def letter_bits(word):
    """letters(word) folded into 64 bits (character code modulo 64), for numpy. One edit still
    changes at most two bits, so the filter stays safe; letters sharing a bit only let a few
    more words through to the edit distance."""
    mask = 0
    for char in word:
        mask |= 1 << (ord(char) & 63)
    return mask


class Bucket:
    """The indexed words with one first letter: terms, counts, lengths and letter bits as arrays."""

    def __init__(self, rows):
        import numpy as np

        self.terms = [term for term, _ in rows]
        self.counts = np.fromiter((count for _, count in rows), dtype=np.int64, count=len(rows))
        self.lengths = np.fromiter((len(term) for term, _ in rows), dtype=np.int16, count=len(rows))
        self.bits = np.fromiter((letter_bits(term) for term, _ in rows), dtype=np.uint64, count=len(rows))

    def __len__(self):
        return len(self.terms)

    def near(self, word, limit):
        """(term, count) of the words that may be within `limit` edits of `word`: no more than
        `limit` letters longer or shorter, no more than 2 × `limit` letter bits different."""
        import numpy as np

        keep = (np.abs(self.lengths - len(word)) <= limit) & (
            np.bitwise_count(self.bits ^ np.uint64(letter_bits(word))) <= 2 * limit
        )
        return [(self.terms[i], int(self.counts[i])) for i in np.flatnonzero(keep)]


class Vocabulary:
    """The index's words, read from `IndexTerm` on demand (see the module docstring)."""

    def __init__(self):
        self.known = OrderedDict()
        self.buckets = {}
        # The version token of each first letter when its bucket (and known words) were read.
        self.versions = {}

    def forget(self, initials):
        """Drop what was read of words with these first letters (their words changed)."""
        for initial in initials:
            self.buckets.pop(initial, None)
            self.versions.pop(initial, None)
        for word in [word for word in self.known if word[:1] in initials]:
            del self.known[word]

    def _remember_version(self, initial):
        if initial not in self.versions:
            self.versions[initial] = cache.get(INITIAL_VERSION_KEY + initial)

    def knows(self, word):
        return self.document_count(word) > 0

    def document_count(self, word):
        """At most how many entries hold a word of `word`'s stem: the sum of those words' counts
        (an entry with two of them counts twice), 0 for a word the index does not know. One
        indexed query, remembered per process (it also answers knows()); forgotten with the
        first letter's words when a word of that letter comes or goes. A count that merely
        changed is seen after that or after a rebuild: the database backend only uses it to
        tell a query that cannot be broad (DatabaseBackend._clearly_broad), where a stale
        count costs time, never a wrong answer."""
        if word in self.known:
            self.known.move_to_end(word)
            return self.known[word]
        from django.db.models import Q, Sum

        from .models import IndexTerm

        self._remember_version(word[:1])
        rows = IndexTerm.objects.filter(Q(term=word) | Q(stem=stem(word)))
        count = rows.aggregate(total=Sum("doc_count"))["total"] or 0
        self.known[word] = count
        if len(self.known) > KNOWN_WORDS_KEPT:
            self.known.popitem(last=False)
        return count

    def bucket(self, initial):
        """The Bucket of the indexed words starting with `initial`."""
        if initial not in self.buckets:
            from .models import IndexTerm

            self._remember_version(initial)
            rows = (
                IndexTerm.objects.filter(term__gte=initial, term__lt=initial[:-1] + chr(ord(initial[-1]) + 1))
                .order_by("term")
                .values_list("term", "doc_count")
            )
            self.buckets[initial] = Bucket(list(rows.iterator(5000)))
        return self.buckets[initial]

    def correct(self, word, extra=()):
        """The most common indexed word within a small edit distance, or None.

        `extra` are words that count as known although no entry uses them literally (the
        words of synonym sets: "tienermoedrs" → "tienermoeders" finds "jonge moeders").
        """
        if len(word) < 4 or word.isdigit():
            return None
        # Nearest first: a word within one edit beats every word at two, so the words within
        # one edit are looked for first, through the narrower filter (and an edit distance that
        # gives up sooner); most typos are one edit, and then the second pass is never needed.
        for limit in range(1, (1 if len(word) <= 5 else 2) + 1):
            best = self._nearest(word, extra, limit)
            if best is not None:
                return best
        return None

    def _nearest(self, word, extra, limit):
        """The most common word within `limit` edits (the nearest first), or None."""
        length, mask, most_different = len(word), letters(word), 2 * limit
        candidates = self.bucket(word[0]).near(word, limit) + [
            (term, 1)
            for term in extra
            if term[:1] == word[:1]
            and abs(len(term) - length) <= limit
            and (letters(term) ^ mask).bit_count() <= most_different
        ]
        best, best_key = None, None
        for candidate, count in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -count)
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best

    def completions(self, prefix, limit=5):
        from .models import IndexTerm

        if not prefix:
            return []
        return list(
            IndexTerm.objects.filter(term__gte=prefix, term__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
            .order_by("-doc_count", "term")
            .values_list("term", flat=True)[:limit]
        )


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
    """This process's vocabulary: a fresh (empty) one when the whole index changed since it was
    made (a rebuild), else the same one without the buckets whose first letter changed."""
    if _loaded["vocabulary"] is not None and time.monotonic() - _loaded["checked"] < CHECK_SECONDS:
        return _loaded["vocabulary"]
    # A fresh token whenever the key is missing (cache cleared or evicted) forces a reload.
    version = cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)
    _loaded["checked"] = time.monotonic()
    with _lock:
        current = _loaded["vocabulary"]
        if _loaded["version"] != version or current is None:
            _loaded.update(version=version, vocabulary=Vocabulary())
        elif current.versions:
            # What was read, asked in one round trip; a letter whose token differs (or went
            # missing from the cache) is read again when next needed.
            tokens = cache.get_many([INITIAL_VERSION_KEY + initial for initial in current.versions])
            current.forget(
                [
                    initial
                    for initial, token in list(current.versions.items())
                    if tokens.get(INITIAL_VERSION_KEY + initial) != token
                ]
            )
    return _loaded["vocabulary"]


def changed(terms=None):
    """The index's words changed: `terms` those that came or went (a publish), None for all
    (a rebuild). Workers read again only the buckets of those first letters. A word whose
    number of entries merely changed keeps its old count in the workers that read it until its
    bucket is read again: counts only order corrections at the same distance, where a count a
    few publishes old picks the same word, and a rebuild refreshes them all.

    Tokens are unique, never an increment: after a cache clear or cache.incr() on the database
    cache (which re-stores the key with the default timeout) an old number could come back."""
    _loaded["checked"] = 0.0
    if terms is None:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
        return
    initials = {term[:1] for term in terms if term}
    if initials:
        token = time.time_ns()
        cache.set_many({INITIAL_VERSION_KEY + initial: token for initial in initials}, timeout=None)
