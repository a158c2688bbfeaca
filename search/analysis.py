"""Dutch text analysis shared by every backend and by both the index and the query side.

PostgreSQL's `dutch` configuration and Snowball's `dutch_porter` stemmer are the same
algorithm (checked: identical stems), so SQLite, which has no stemmer of its own, stems in
Python exactly like PostgreSQL does. On top of stemming this module handles what Dutch
professionals type: diacritics ("geïndiceerd"/"geindiceerd"), hyphenated and split compounds
("sociaal-emotioneel"/"sociaalemotioneel", "ouder- en kindcoach") and compounds written as
one word ("ouderkindcoaches" is found by "kindcoach").
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# PostgreSQL 15 tsearch_data/dutch.stop, so both engines drop the same words.
STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
    dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe
    heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen
    toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen
    ons zelf tegen na reeds wil kon niets uw iemand geweest andere""".split()
)

# Parts that Dutch youth-prevention compounds are made of. A word of the text that is built from
# these (e.g. "ouderkindcoaches", "schoolmaatschappelijk") is also indexed by its parts and by
# its tails ("kindcoaches"), so a search for a part finds the compound.
COMPOUND_PARTS = frozenset(
    """ouder ouders kind kinder kinderen jeugd jongeren jongere jong tiener moeder moeders vader
    gezin gezins school wijk buurt gebied team coach coaches werk werker werkers zorg hulp
    verlening dienst opvoed opvoeding opvoedings ondersteuning steun centrum centra netwerk
    sociaal sociale emotioneel emotionele maatschappelijk verpleegkundige verloskundige
    preventie aanpak traject verzuim uitval verlater verlaters schuld thuis zwerf huis
    gezondheid gezondheids jeugdhulp jeugdzorg beleid wet regie kracht eigen zelf
    redzaamheid praktijk verhaal verhalen methode training cursus groep groeps zwanger
    zwangerschap geboorte baby peuter peuters kleuter sport muziek straat kans kansen
    taal lees spel spelen koffie ochtend vraag analyse instrument plan pad
    veilig veiligheid armoede geld inkomen wonen woning werkloos talent talenten
    """.split()
)

TOKEN_RE = re.compile(r"[0-9a-z]+(?:['’][a-z]+)?")
HYPHENATED_RE = re.compile(r"\b([0-9a-z]+(?:-[0-9a-z]+)+)\b")
# "ouder- en kindcoach", "jeugd- of gezinsteam": the dangling first part shares the tail.
DANGLING_RE = re.compile(r"\b([a-z]+)-\s+(?:en|of|tot)\s+([a-z]+)\b")
# "CenteringPregnancy", "VoorZorg": brand names written as one word with inner capitals.
CAMEL_RE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
CAMEL_PART_RE = re.compile(r"[A-Z][a-z]+")

_stemmer = snowballstemmer.stemmer("dutch_porter")


def fold(text):
    """Lower case without diacritics: "Geïndiceerd" → "geindiceerd".

    Characters without an ASCII form (dashes, emoji, €) are dropped: they never make words.
    """
    text = text.casefold()
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=200_000)
def stem(word):
    return _stemmer.stemWord(word)


def normalise(word):
    """English loanword plurals the Dutch stemmer leaves alone: "coaches" → "coach"."""
    if len(word) > 5 and word.endswith(("ches", "shes")):
        return word[:-2]
    return word


def tokens(text):
    """The folded words of a text, in order, stop words included."""
    return [normalise(word) for word in TOKEN_RE.findall(fold(text))]


def content_words(text):
    return [word for word in tokens(text) if word not in STOP_WORDS]


@lru_cache(maxsize=100_000)
def split_compound(word):
    """Split a compound into known parts, or return () when it is not made of known parts.

    Dutch links parts with an optional "s" or "en" ("gezinsteam", "kinderenopvang").
    """
    if len(word) < 7:
        return ()
    best = _split(word)
    return tuple(best) if best and len(best) > 1 else ()


def _split(word):
    if word in COMPOUND_PARTS:
        return [word]
    for cut in range(len(word) - 3, 2, -1):
        head, tail = word[:cut], word[cut:]
        if head in COMPOUND_PARTS or (head.endswith("s") and head[:-1] in COMPOUND_PARTS):
            rest = _split(tail)
            if rest:
                return [head, *rest]
            if len(tail) >= 4 and stem(tail) != tail[:2]:
                # An unknown but plausible last part ("kindcoaches" → "kind" + "coaches").
                if tail.rstrip("s") in COMPOUND_PARTS or stem(tail) in _STEMMED_PARTS:
                    return [head, tail]
    return None


_STEMMED_PARTS = frozenset(stem(part) for part in COMPOUND_PARTS)


def compound_variants(word):
    """Extra words under which a compound is indexed: its parts and its tails."""
    parts = split_compound(word)
    if not parts:
        return []
    variants = list(parts)
    for start in range(1, len(parts) - 1):
        variants.append("".join(parts[start:]))
    return variants


def expand_for_index(text):
    """The words to index for a text: its own words plus hyphen and compound variants.

    Returned as text so PostgreSQL's to_tsvector('dutch', …) can stem it, while SQLite
    stems the same words in Python (see `stemmed_for_index`).
    """
    words, extra = _index_words(text)
    return " ".join(words + extra)


def index_variants(text):
    """Only the extra words (joined hyphenations, compound parts), for Elasticsearch."""
    return " ".join(dict.fromkeys(_index_words(text)[1]))


def _index_words(text):
    folded = fold(text)
    words = [normalise(word) for word in TOKEN_RE.findall(folded) if word not in STOP_WORDS]
    extra = []
    for match in HYPHENATED_RE.finditer(folded):
        extra.append(normalise(match.group(1).replace("-", "")))
    for match in DANGLING_RE.finditer(folded):
        head, tail = match.group(1), normalise(match.group(2))
        extra.append(head + tail)
        for part in split_compound(tail):
            extra.append(head + part)
    for match in CAMEL_RE.finditer(text):
        extra.extend(fold(part) for part in CAMEL_PART_RE.findall(match.group(0)))
    for word in words:
        extra.extend(compound_variants(word))
    return words, extra


def stemmed_for_index(text):
    return stem_words(expand_for_index(text))


def stem_words(expanded):
    """Stem the output of expand_for_index (SQLite's side of what to_tsvector does)."""
    return " ".join(stem(word) for word in expanded.split())
