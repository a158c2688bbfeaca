"""From what a professional types to what the engines look for.

A query becomes a list of clauses that must all match; each clause is a list of
alternatives, any of which may match; each alternative is a tuple of words that must all
occur. "spijbelen jongeren" becomes
    [[("spijbelen",), ("schoolverzuim",)], [("jongeren",)]]
Nothing the user types reaches an engine as syntax: only words made of letters and digits
survive, so quotes, operators, brackets and SQL/FTS syntax can never cause an error.
"""

from dataclasses import dataclass, field

from .analysis import STOP_WORDS, compound_variants, split_compound, stem, tokens
from .synonyms import synonym_map
from .vocabulary import vocabulary

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_PHRASE = 4


@dataclass
class Clause:
    words: tuple[str, ...]
    alternatives: list[tuple[str, ...]]


@dataclass
class ParsedQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    suggestion: str = ""
    truncated: bool = False

    @property
    def is_empty(self):
        return not self.clauses

    @property
    def stems(self):
        """Stems of every word that may match, for highlighting."""
        found = set()
        for clause in self.clauses:
            for alternative in clause.alternatives:
                found.update(stem(word) for word in alternative)
        return found

    def any_clause(self):
        """The same query with OR between clauses: the fallback when nothing matches all."""
        merged = [alternative for clause in self.clauses for alternative in clause.alternatives]
        return ParsedQuery(self.text, [Clause(tuple(), merged)], self.suggestion, self.truncated)


def parse(text, vocab=None):
    text = text or ""
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    words = [word for word in tokens(text) if word not in STOP_WORDS][:MAX_WORDS]
    synonyms = synonym_map()
    vocab = vocab or vocabulary()
    clauses, corrections = [], {}
    position = 0
    while position < len(words):
        clause, used = _synonym_clause(words, position, synonyms)
        if clause is None:
            clause, used = _joined_clause(words, position, vocab, corrections)
        if clause is None:
            word = words[position]
            alternatives = [(word,)]
            parts = split_compound(word)
            if not vocab.knows(word) and parts:
                # An unknown compound ("opvoedcursus") also matches its parts ("opvoed" + "cursus").
                alternatives.append(parts)
            elif not vocab.knows(word) and (stem(word),) not in synonyms:
                correction = vocab.correct(word, extra=_synonym_words(synonyms))
                if correction:
                    corrections[word] = correction
                    alternatives.append((correction,))
                    alternatives.extend(synonyms.get((stem(correction),), []))
            clause, used = Clause((word,), _unique(alternatives)), 1
        clauses.append(clause)
        position += used
    suggestion = ""
    if corrections:
        suggestion = " ".join(filter(None, (corrections.get(word, word) for word in tokens(text))))
    return ParsedQuery(text=text, clauses=clauses, suggestion=suggestion, truncated=truncated)


def _synonym_clause(words, position, synonyms):
    for length in range(min(MAX_PHRASE, len(words) - position), 0, -1):
        phrase = tuple(words[position : position + length])
        alternatives = synonyms.get(tuple(stem(word) for word in phrase))
        if alternatives:
            return Clause(phrase, _unique([phrase, *alternatives])), length
    return None, 0


def _joined_clause(words, position, vocab, corrections):
    """ "ouder kindcoach" also finds "ouderkindcoach"; "sociaal emotioneel" "sociaalemotioneel".

    A misspelt pair is corrected as a whole when that is the only way to find it
    ("centering pregancy" → "centeringpregnancy").
    """
    if position + 1 >= len(words):
        return None, 0
    pair = (words[position], words[position + 1])
    joined = "".join(pair)
    if vocab.knows(joined) or compound_variants(joined):
        return Clause(pair, [pair, (joined,)]), 2
    if not all(vocab.knows(word) or vocab.correct(word) for word in pair):
        correction = vocab.correct(joined)
        if correction:
            corrections[pair[0]] = correction
            corrections[pair[1]] = ""
            return Clause(pair, [pair, (correction,)]), 2
    return None, 0


def _unique(alternatives):
    seen = []
    for alternative in alternatives:
        if alternative and alternative not in seen:
            seen.append(alternative)
    return seen


def _synonym_words(synonyms):
    return {word for alternatives in synonyms.values() for alternative in alternatives for word in alternative}
