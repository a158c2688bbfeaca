"""The de-identification helper: words in a tip that may name an organisation or place."""

import re

from organisations.models import Organisation

# --- De-identification helper --------------------------------------------------------------

_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def known_names():
    """Organisation names, short names and municipality places: words a tip should not carry."""
    names = set()
    for name, short_name in Organisation.objects.values_list("name", "short_name"):
        names.add(name.lower())
        if short_name:
            names.add(short_name.lower())
        if name.startswith("Gemeente "):
            names.add(name.removeprefix("Gemeente ").lower())
    return names


def identifying_segments(text, names=None):
    """Split `text` into [(piece, suspicious)] to highlight: capitalised words that do not start
    a sentence, and known organisation or place names anywhere."""
    names = known_names() if names is None else names
    suspicious = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        before = text[: match.start()]
        starts_sentence = not before.strip() or _SENTENCE_END.search(before) or before.rstrip().endswith("\n")
        if word.lower() in names or (word[0].isupper() and not starts_sentence):
            suspicious.append((match.start(), match.end()))
    for name in names:
        if " " in name:
            for match in re.finditer(re.escape(name), text, re.IGNORECASE):
                suspicious.append((match.start(), match.end()))
    suspicious.sort()
    segments, position = [], 0
    for start, end in suspicious:
        if start < position:
            continue
        if start > position:
            segments.append((text[position:start], False))
        segments.append((text[start:end], True))
        position = end
    if position < len(text):
        segments.append((text[position:], False))
    return segments
