"""Impact-ordered candidates for broad queries: per word, the documents where it weighs most.

Why: a common word ("jongeren") matches nearly every document, and ranking all matches costs
time in proportion to the corpus (0.6 s at 100,000 documents on PostgreSQL). Ranking an
arbitrary subset (the first matches found) is fast but wrong: its top 10 shares 0–1 results
with the exact top 10. What bounds the top results of a ranking function is, per query word,
the documents where that word weighs most: a document can only score high for a query when
some query word weighs much in it. So the index keeps, per common word (stem), its
LIST_LENGTH documents of highest *impact*, and a broad query ranks exactly (with the engine's
own ranking) the union of its words' lists that match the whole query, plus the title matches.

Impact is the single-word score of the engine's ranking, computed in Python from the same
expanded text the engine indexes: on PostgreSQL that of ts_rank (weights 1.0/0.4/0.2 for
title/summary/body, each further occurrence counting less, divided by the log of the
document's length), on SQLite that of FTS5's bm25 (column weights 10/4/1, saturating term
frequency, length relative to an average). Both times the entry's boost and the title bonus.
It only has to order documents for one word roughly right: the final ranking is the engine's.

Lists are built by a rebuild (one pass, a bounded heap per word) and kept up to date when a
document is indexed (it enters a word's list when it weighs more than the list's last entry) or
deleted (its rows go with it). A word that becomes common between rebuilds has no list yet;
a query made only of such words is ranked over its first matches, as before, until the next
rebuild (docs/search.md, "Broad queries").
"""

import heapq
import itertools
import math
from collections import Counter

from django.db import connection

from .analysis import stem

LIST_LENGTH = 128
# Only words in more documents than this get a list: a rarer word's matches are few enough to
# be ranked exactly anyway.
LIST_MIN_DOCUMENTS = LIST_LENGTH
# The ranking functions' constants (search/backends/database.py ranks with them).
PG_WEIGHTS = (1.0, 0.4, 0.2)  # ts_rank's default weights for A (title), B (summary), C (body)
BM25_WEIGHTS = (10.0, 4.0, 1.0)
BM25_K1, BM25_B, BM25_AVERAGE_LENGTH = 1.2, 0.75, 300.0
TITLE_BONUS = 3.0


def document_impacts(fields, boost=1.0, vendor=None):
    """{stem: impact} for a document's expanded (title, summary + keywords, body)."""
    vendor = vendor or connection.vendor
    stemmed = [[stem(word) for word in text.split()] for text in fields]
    length = sum(len(words) for words in stemmed)
    if not length:
        return {}
    in_title = set(stemmed[0])
    if vendor == "postgresql":
        impacts = _ts_rank_impacts(stemmed, length)
    else:
        impacts = _bm25_impacts(stemmed, length)
    return {
        word: impact * boost * (TITLE_BONUS if word in in_title else 1.0)
        for word, impact in impacts.items()
        if 2 < len(word) <= 100
    }


def _ts_rank_impacts(stemmed, length):
    """ts_rank(vector, 'word', 1) for every word: sum of weight / (n + 1)² over its occurrences
    in position order (title first), / π²/6, / log2(length + 1). PostgreSQL keeps at most 256
    positions of a word; the later ones add almost nothing."""
    sums, seen = Counter(), Counter()
    for weight, words in zip(PG_WEIGHTS, stemmed, strict=True):
        for word in words:
            n = seen[word]
            if n < 256:
                sums[word] += weight / ((n + 1) * (n + 1))
                seen[word] = n + 1
    norm = math.log2(length + 1)
    return {word: total / 1.64493406685 / norm for word, total in sums.items()}


def _bm25_impacts(stemmed, length):
    """FTS5's bm25 for one word without its idf (the same for every document of that word)."""
    frequency = Counter()
    for weight, words in zip(BM25_WEIGHTS, stemmed, strict=True):
        for word in words:
            frequency[word] += weight
    damping = BM25_K1 * (1 - BM25_B + BM25_B * length / BM25_AVERAGE_LENGTH)
    return {word: f * (BM25_K1 + 1) / (f + damping) for word, f in frequency.items()}


class ListBuilder:
    """The lists of a rebuild: a heap of at most LIST_LENGTH (impact, entry id) per word."""

    def __init__(self):
        self.heaps = {}
        self.documents = Counter()

    def add(self, entry_id, impacts):
        for word, impact in impacts.items():
            self.documents[word] += 1
            heap = self.heaps.get(word)
            if heap is None:
                self.heaps[word] = [(impact, entry_id)]
            elif len(heap) < LIST_LENGTH:
                heapq.heappush(heap, (impact, entry_id))
            elif impact > heap[0][0]:
                heapq.heapreplace(heap, (impact, entry_id))

    def rows(self):
        """(word, entry id, impact) of every word in more than LIST_MIN_DOCUMENTS documents."""
        for word, heap in self.heaps.items():
            if self.documents[word] > LIST_MIN_DOCUMENTS:
                for impact, entry_id in heap:
                    yield word, entry_id, impact


def store(rows, cursor, chunk=5000):
    rows = iter(rows)
    while batch := list(itertools.islice(rows, chunk)):
        cursor.executemany("INSERT INTO search_termimpact (term, entry_id, impact) VALUES (%s, %s, %s)", batch)


def update_lists(entry_id, impacts, cursor):
    """After (re)indexing one entry: it joins the lists of its words where it weighs enough."""
    cursor.execute("DELETE FROM search_termimpact WHERE entry_id = %s", [entry_id])
    if not impacts:
        return
    words = list(impacts)
    placeholders = ", ".join(["%s"] * len(words))
    cursor.execute(
        f"SELECT term, count(*), min(impact) FROM search_termimpact WHERE term IN ({placeholders}) GROUP BY term",
        words,
    )
    joining = [
        (word, entry_id, impacts[word])
        for word, size, lowest in cursor.fetchall()
        if size < LIST_LENGTH or impacts[word] > lowest
    ]
    if not joining:
        return
    store(joining, cursor)
    full = [word for word, _, _ in joining]
    placeholders = ", ".join(["%s"] * len(full))
    cursor.execute(
        "DELETE FROM search_termimpact WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER"
        f" (PARTITION BY term ORDER BY impact DESC, entry_id) AS place FROM search_termimpact"
        f" WHERE term IN ({placeholders})) ranked WHERE place > %s)",
        [*full, LIST_LENGTH],
    )


def listed_entries(words, cursor):
    """The entry ids in the lists of these words (stems), without duplicates."""
    words = sorted(set(words))
    if not words:
        return []
    placeholders = ", ".join(["%s"] * len(words))
    cursor.execute(f"SELECT DISTINCT entry_id FROM search_termimpact WHERE term IN ({placeholders})", words)
    return [row[0] for row in cursor.fetchall()]
