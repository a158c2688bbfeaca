"""Embedding models for tests: cheap and deterministic, chosen by SEARCH_EMBEDDING_MODEL.

`WordHashModel` hashes the Dutch stems of a text into 384 dimensions (the size of the real
model, so the Elasticsearch mapping accepts its vectors): texts sharing words are near. A
`CONCEPTS` table lets a test give words without a common stem the same meaning, the way a
real model knows that "drankgebruik" and "alcohol" belong together.
"""

import hashlib

import numpy as np

from search.analysis import stem, tokens

CONCEPTS = {"drankgebruik": "alcohol", "bier": "alcohol", "platteland": "dorp", "dorpen": "dorp"}


class WordHashModel:
    name = "test-word-hash"
    dimensions = 384

    def _vector(self, text):
        vector = np.zeros(self.dimensions, dtype=np.float32)
        for word in tokens(text):
            word = CONCEPTS.get(word, word)
            digest = hashlib.blake2b(stem(word).encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "little") % self.dimensions] += 1.0
        vector[0] += 0.01  # never all zero
        return vector

    def documents(self, texts):
        return np.vstack([self._vector(text) for text in texts])

    def query(self, text):
        return self._vector(text)


class OtherWordHashModel(WordHashModel):
    name = "test-other-model"


class BrokenModel:
    def __init__(self):
        raise OSError("model file missing")
