"""Exact nearest-neighbour search over the stored document vectors, and rank fusion.

Why exact and in Python: neither engine has a vector index here (no pgvector package for this
PostgreSQL, and SQLite has none built in). A dot product over every vector is exact and, with
int8 vectors of 384 dimensions, cheap: 100,000 documents are 38 MB per process and one query
scores them in chunks (CHUNK_ROWS) so the temporary float32 block stays small.

The matrix is loaded once per process, streamed from the index table in chunks, and reloaded
when a shared version token in the cache changes (every index change sets a new one), like
the typo vocabulary (search/vocabulary.py).

A hybrid search starts the semantic half (the query's embedding and the scan over the vectors)
in a thread before its lexical SQL (semantic_hits_soon): both the model (a C library called
through ctypes) and numpy's product release the GIL, and the database works in its own
process, so the two halves overlap instead of adding up (BENCHMARKS.md, "Semantic search").
"""

import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.db import connection

from . import embeddings

logger = logging.getLogger(__name__)

VERSION_KEY = "search:vectors-version"
CHECK_SECONDS = 5
CHUNK_ROWS = 20_000
# Up to this many bytes the matrix is also kept as unit-length float32 rows (160 MB: 100,000
# documents of 384 dimensions), which makes a query 5× faster than converting the int8 rows on
# every query (13 against 70 ms at 100,000, BENCHMARKS.md); above it the int8 rows are converted
# chunk by chunk, so memory stays at a quarter. Lower it where workers must stay small.
FLOAT_CACHE_BYTES = 160_000_000
LOAD_ROWS = 2_000

# Fusion of the lexical and the semantic ranking (reciprocal rank fusion: each list adds
# weight / (RRF_K + rank)). Tuned on the whole relevance set at once, never per query
# (benchmarks/search_relevance.py --tune; BENCHMARKS.md).
RRF_K = 5
LEXICAL_WEIGHT = 1.0
SEMANTIC_WEIGHT = 2.0
# Extra lexical weight for a document with the whole query in its title. The lexical ranking
# has its title bonus already, and short queries (where exact titles matter) get little
# semantic weight (FULL_WEIGHT_WORDS), so the tuning found no gain in more: 0.
TITLE_WEIGHT = 0.0
# How many nearest documents join the results, and how far below the nearest one they may be
# (cosine): a question gets its few close neighbours, not the whole corpus in a long tail.
SEMANTIC_POOL = 10
SEMANTIC_MARGIN = 0.03
# A keyword or two is what lexical search is for ("VSV", "triple p"); the meaning of a question
# needs a sentence. The semantic weight grows with the words of the query (stop words not
# counted) and is whole from FULL_WEIGHT_WORDS on.
FULL_WEIGHT_WORDS = 5

_lock = threading.Lock()
_loaded = {
    "version": None,
    "model": None,
    "ids": None,
    "types": None,
    "matrix": None,
    "norms": None,
    "unit": None,
    "checked": 0.0,
}


def changed():
    _loaded["checked"] = 0.0
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


_type_lock = threading.Lock()
_type_codes = {}


def type_code(kind):
    """A small number per document type, stable for as long as the process runs."""
    with _type_lock:
        return _type_codes.setdefault(kind, len(_type_codes) + 1)


def _matrix():
    """(ids, int8 matrix, row norms) of every entry with a vector of the current model."""
    import numpy as np

    name = embeddings.model_name()
    if (
        _loaded["ids"] is not None
        and _loaded["model"] == name
        and time.monotonic() - _loaded["checked"] < CHECK_SECONDS
    ):
        return _loaded["ids"], _loaded["matrix"], _loaded["norms"]
    version = cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)
    _loaded["checked"] = time.monotonic()
    if _loaded["version"] == version and _loaded["model"] == name and _loaded["ids"] is not None:
        return _loaded["ids"], _loaded["matrix"], _loaded["norms"]
    dimensions = embeddings.model().dimensions
    with _lock, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_indexentry WHERE embedding_model = %s", [name])
        capacity = cursor.fetchone()[0]
        ids = np.zeros(capacity, dtype=np.int64)
        # The type of each row ("story", "method", …) as a small code, so related content of
        # some kinds is chosen in memory, without reading the ids of a type from the table.
        types = np.zeros(capacity, dtype=np.int16)
        matrix = np.zeros((capacity, dimensions), dtype=np.int8)
        cursor.execute("SELECT id, type, embedding FROM search_indexentry WHERE embedding_model = %s", [name])
        filled = 0
        while rows := cursor.fetchmany(LOAD_ROWS):
            for entry_id, kind, blob in rows:
                if filled >= capacity or blob is None or len(blob) != dimensions:
                    continue
                ids[filled] = entry_id
                types[filled] = type_code(kind)
                matrix[filled] = np.frombuffer(bytes(blob), dtype=np.int8)
                filled += 1
        matrix = matrix[:filled]
        norms = np.concatenate(
            [
                np.linalg.norm(matrix[start : start + CHUNK_ROWS].astype(np.float32), axis=1)
                for start in range(0, filled, CHUNK_ROWS)
            ]
            or [np.zeros(0, dtype=np.float32)]
        )
        norms = np.maximum(norms, 1e-6)
        unit = None
        if filled * dimensions * 4 <= FLOAT_CACHE_BYTES:
            unit = matrix.astype(np.float32) / norms[:, None]
        _loaded.update(
            version=version, model=name, ids=ids[:filled], types=types[:filled], matrix=matrix, norms=norms, unit=unit
        )
    return _loaded["ids"], _loaded["matrix"], _loaded["norms"]


def _arrays():
    """(ids, int8 matrix, norms, unit rows or None) as loaded now, taken together: a reload by
    another thread replaces them all at once, never under a search that holds them."""
    ids, matrix, norms = _matrix()
    unit = _loaded["unit"] if _loaded["matrix"] is matrix else None
    return ids, matrix, norms, unit


def nearest(vector, limit, allowed_ids=None, exclude_ids=(), arrays=None):
    """[(entry id, cosine)] of the `limit` stored vectors nearest to `vector`, best first.

    `allowed_ids`: only these entries (facet filters, kinds); None for all. `arrays`: those of
    _arrays(), when the caller took them (in another thread than this one).
    """
    import numpy as np

    ids, matrix, norms, unit = arrays or _arrays()
    if not len(ids) or limit <= 0:
        return []
    mask = None
    if allowed_ids is not None:
        mask = np.isin(ids, np.fromiter(allowed_ids, dtype=np.int64))
    if exclude_ids:
        excluded = np.isin(ids, np.fromiter(exclude_ids, dtype=np.int64))
        mask = ~excluded if mask is None else mask & ~excluded
    query = np.asarray(vector, dtype=np.float32)
    query = query / max(float(np.linalg.norm(query)), 1e-12)
    best_ids, best_scores = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    for start in range(0, len(ids), CHUNK_ROWS):
        if unit is not None:
            scores = unit[start : start + CHUNK_ROWS] @ query
        else:
            scores = (matrix[start : start + CHUNK_ROWS].astype(np.float32) @ query) / norms[start : start + CHUNK_ROWS]
        chunk_ids = ids[start : start + CHUNK_ROWS]
        if mask is not None:
            keep = mask[start : start + CHUNK_ROWS]
            scores, chunk_ids = scores[keep], chunk_ids[keep]
        if len(scores) > limit:
            top = np.argpartition(-scores, limit)[:limit]
            scores, chunk_ids = scores[top], chunk_ids[top]
        best_ids = np.concatenate([best_ids, chunk_ids])
        best_scores = np.concatenate([best_scores, scores])
    order = np.argsort(-best_scores, kind="stable")[:limit]
    return [(int(best_ids[i]), float(best_scores[i])) for i in order]


def nearest_by_type(vector, kinds, limit, exclude_ids=()):
    """{kind: [(entry id, cosine)]}: for each kind, its `limit` vectors nearest to `vector`.

    For related content: one pass over the matrix serves every kind, and the kinds are told
    apart by the type codes kept beside it, so no query reads the ids of a type.
    """
    import numpy as np

    ids, matrix, norms = _matrix()
    unit = _loaded["unit"] if _loaded["matrix"] is matrix else None
    types = _loaded["types"] if _loaded["matrix"] is matrix else None
    found = {kind: [] for kind in kinds}
    if not len(ids) or limit <= 0 or types is None:
        return found
    query = np.asarray(vector, dtype=np.float32)
    query = query / max(float(np.linalg.norm(query)), 1e-12)
    scores = np.empty(len(ids), dtype=np.float32)
    for start in range(0, len(ids), CHUNK_ROWS):
        rows = slice(start, start + CHUNK_ROWS)
        if unit is not None:
            scores[rows] = unit[rows] @ query
        else:
            scores[rows] = (matrix[rows].astype(np.float32) @ query) / norms[rows]
    if exclude_ids:
        scores[np.isin(ids, np.fromiter(exclude_ids, dtype=np.int64))] = -np.inf
    for kind in kinds:
        rows = np.flatnonzero((types == type_code(kind)) & np.isfinite(scores))
        if len(rows) > limit:
            rows = rows[np.argpartition(-scores[rows], limit)[:limit]]
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        found[kind] = [(int(ids[row]), float(scores[row])) for row in rows]
    return found


def semantic_hits(text, allowed_ids=None, arrays=None):
    """The query's close neighbours: at most SEMANTIC_POOL, within SEMANTIC_MARGIN of the nearest."""
    pool, margin = SEMANTIC_POOL, SEMANTIC_MARGIN
    vector = embeddings.embed_query(text)
    if vector is None:
        return []
    hits = nearest(vector, pool, allowed_ids, arrays=arrays)
    if not hits:
        return []
    floor = hits[0][1] - margin
    return [(entry_id, score) for entry_id, score in hits if score >= floor]


_executor = {"pool": None, "pid": None}
_executor_lock = threading.Lock()


def _pool():
    """This process's threads for the semantic half (made anew in a forked worker: threads do
    not survive a fork)."""
    with _executor_lock:
        if _executor["pid"] != os.getpid():
            _executor.update(pool=ThreadPoolExecutor(max_workers=2, thread_name_prefix="search-semantic"))
            _executor["pid"] = os.getpid()
        return _executor["pool"]


class PendingHits:
    """semantic_hits() under way in a thread; hits() waits for them. A failure there (the model
    broke mid-way) is logged and gives no hits: the search stays lexical."""

    def __init__(self, future):
        self._future = future

    def hits(self):
        try:
            return self._future.result()
        except Exception as error:
            logger.warning("Semantic search failed for one query, answering lexically: %r", error)
            return []


def semantic_hits_soon(text, allowed_ids=None):
    """Start semantic_hits(text, allowed_ids) in a thread and return its PendingHits, or None
    without a model. The vectors are checked for changes here, in the caller's thread, since
    that may read the cache and the database (whose connections belong to a thread)."""
    if embeddings.model() is None:
        return None
    arrays = _arrays()
    return PendingHits(_pool().submit(semantic_hits, text, allowed_ids, arrays))


def semantic_weight(text):
    """SEMANTIC_WEIGHT, scaled down for queries of fewer than FULL_WEIGHT_WORDS words."""
    from .analysis import STOP_WORDS, tokens

    words = [word for word in tokens(text) if word not in STOP_WORDS]
    return SEMANTIC_WEIGHT * min(1.0, len(words) / max(FULL_WEIGHT_WORDS, 1))


def fuse(lexical_ids, semantic_ids, title_ids=frozenset(), weight=None):
    """Reciprocal rank fusion of two rankings (lists of ids, best first): [(id, score)]."""
    semantic_weight = SEMANTIC_WEIGHT if weight is None else weight
    scores = {}
    for rank, entry_id in enumerate(lexical_ids, 1):
        lexical_weight = LEXICAL_WEIGHT + (TITLE_WEIGHT if entry_id in title_ids else 0.0)
        scores[entry_id] = scores.get(entry_id, 0.0) + lexical_weight / (RRF_K + rank)
    for rank, entry_id in enumerate(semantic_ids, 1):
        scores[entry_id] = scores.get(entry_id, 0.0) + semantic_weight / (RRF_K + rank)
    lexical_rank = {entry_id: rank for rank, entry_id in enumerate(lexical_ids)}
    return sorted(scores.items(), key=lambda item: (-item[1], lexical_rank.get(item[0], len(lexical_rank))))
