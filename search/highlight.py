"""Highlighted snippets that are safe to put in a page: escaped text, only <mark> as markup."""

import re
from functools import lru_cache

from django.utils.html import escape

from .analysis import compound_variants, fold, normalise, stem

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
START, STOP = "\ue000", "\ue001"  # private-use characters no document contains


@lru_cache(maxsize=50_000)
def _word_stems(word):
    """Every stem under which a word of the text may have been indexed."""
    folded = normalise(fold(word))
    candidates = [folded, *folded.split("-"), folded.replace("-", "")]
    candidates += compound_variants(folded.replace("-", ""))
    return frozenset(stem(candidate) for candidate in candidates if candidate)


def _matches(word, stems):
    return not _word_stems(word).isdisjoint(stems)


def highlight(text, stems, max_words=30):
    """The passage of `text` with the most query words, matches wrapped in <mark>.

    Returns "" when no word matches, so the caller can fall back to the summary.
    """
    if not text or not stems:
        return ""
    words = list(WORD_RE.finditer(text))
    hits = [index for index, match in enumerate(words) if _matches(match.group(0), stems)]
    if not hits:
        return ""
    best_start, best_count = hits[0], 0
    for hit in hits:
        count = sum(1 for other in hits if hit <= other < hit + max_words)
        if count > best_count:
            best_start, best_count = hit, count
    start = max(0, best_start - 8)
    end = min(len(words), start + max_words)
    hit_set = set(hits)
    pieces = []
    cursor = words[start].start()
    for index in range(start, end):
        match = words[index]
        pieces.append(escape(text[cursor : match.start()]))
        word = escape(match.group(0))
        pieces.append(f"<mark>{word}</mark>" if index in hit_set else word)
        cursor = match.end()
    snippet = "".join(pieces)
    if start > 0:
        snippet = "… " + snippet
    if end < len(words):
        snippet += " …"
    return snippet


def from_markers(marked_text):
    """Turn text with START/STOP markers (from ts_headline) into escaped HTML with <mark>."""
    return escape(marked_text).replace(START, "<mark>").replace(STOP, "</mark>")
