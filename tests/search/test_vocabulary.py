"""The typo vocabulary is read where it lies, in pieces, and corrects exactly as comparing the
word with every indexed word would (search/vocabulary.py; BENCHMARKS.md, "Typo vocabulary")."""

import random

import pytest

from search import vocabulary as vocabulary_module
from search.analysis import stem
from search.models import IndexTerm
from search.vocabulary import Vocabulary, edit_distance, letters

pytestmark = pytest.mark.django_db

PARTS = ["jeugd", "hulp", "ouder", "kind", "coach", "wijk", "team", "school", "verzuim", "gezin", "zorg", "moeder"]


def generated_words(count, rng):
    """Compounds of two parts: at most 1,296 different ones."""
    words = set()
    while len(words) < count:
        words.add(rng.choice(PARTS) + rng.choice(["", "s", "en"]) + rng.choice(PARTS) + rng.choice(["", "en", "je"]))
    return sorted(words)


@pytest.fixture
def vocabulary_in_table():
    rng = random.Random(5)
    words = generated_words(1000, rng)
    IndexTerm.objects.bulk_create(
        IndexTerm(term=word, stem=stem(word), doc_count=rng.randint(1, 500)) for word in words
    )
    vocabulary_module.changed()
    return {term: count for term, count in IndexTerm.objects.values_list("term", "doc_count")}


def misspelt(word, rng):
    position = rng.randint(1, len(word) - 2)
    return rng.choice(
        [
            word[:position] + word[position + 1 :],
            word[:position] + word[position] + word[position:],
            word[:position] + word[position + 1] + word[position] + word[position + 2 :],
            word[:position] + rng.choice("aeiou") + word[position + 1 :],
            word[:position] + rng.choice("aeiou") + word[position + 1 : -1] + rng.choice("nst"),
        ]
    )


def every_word_compared(word, counts):
    """The reference: the edit distance to every indexed word with the same first letter."""
    limit = 1 if len(word) <= 5 else 2
    found = [
        (distance, -count, term)
        for term, count in counts.items()
        if term[0] == word[0] and (distance := edit_distance(word, term, limit)) <= limit
    ]
    return min(found)[2] if found else None


def test_corrections_equal_comparing_with_every_word(vocabulary_in_table):
    rng = random.Random(11)
    vocabulary = Vocabulary()
    typos = [misspelt(word, rng) for word in rng.sample(sorted(vocabulary_in_table), 150)]
    typos += ["jeugdhlup", "kindcaoch", "xyzzyx", "ouderkindcoachen"]
    for typo in typos:
        assert vocabulary.correct(typo) == every_word_compared(typo, vocabulary_in_table), typo


def test_the_letter_filter_never_drops_a_word_within_the_distance():
    rng = random.Random(2)
    for _ in range(2000):
        word = "".join(rng.choices("abcdeklmnorst", k=rng.randint(4, 12)))
        other = misspelt(misspelt(word, rng), rng)
        distance = edit_distance(word, other, 10)
        assert (letters(word) ^ letters(other)).bit_count() <= 2 * distance


def test_a_new_worker_reads_nothing_until_asked_and_then_only_one_bucket(
    vocabulary_in_table, django_assert_num_queries
):
    vocabulary = vocabulary_module.vocabulary()
    assert vocabulary.buckets == {} and not vocabulary.known
    with django_assert_num_queries(1):
        correction = vocabulary.correct("jeugdhlup")
    assert correction and correction.startswith("j")
    assert list(vocabulary.buckets) == ["j"]
    with django_assert_num_queries(0):
        vocabulary.correct("jeugdhlupen")
    with django_assert_num_queries(1):
        assert vocabulary.knows("jeugdhulp") is True
    with django_assert_num_queries(0):
        assert vocabulary.knows("jeugdhulp") is True


def test_known_by_word_or_by_stem(vocabulary_in_table):
    IndexTerm.objects.create(term="tienermoeders", stem=stem("tienermoeders"), doc_count=3)
    vocabulary_module.changed()
    vocabulary = vocabulary_module.vocabulary()
    assert vocabulary.knows("tienermoeders")
    assert vocabulary.knows("tienermoeder"), "the same stem"
    assert not vocabulary.knows("tienervader")


def test_document_count_adds_up_the_words_of_a_stem_and_answers_knows_too(
    vocabulary_in_table, django_assert_num_queries
):
    """What tells the database backend that a query cannot be broad: one lookup per word per
    process, shared with knows()."""
    IndexTerm.objects.create(term="tienermoeders", stem=stem("tienermoeders"), doc_count=3)
    IndexTerm.objects.create(term="tienermoeder", stem=stem("tienermoeder"), doc_count=2)
    vocabulary_module.changed()
    vocabulary = vocabulary_module.vocabulary()
    with django_assert_num_queries(1):
        assert vocabulary.document_count("tienermoeders") == 5
        assert vocabulary.knows("tienermoeders")
    assert vocabulary.document_count("tienervader") == 0


def test_a_change_of_the_index_is_seen_at_once(vocabulary_in_table):
    vocabulary = vocabulary_module.vocabulary()
    assert vocabulary.correct("zwerfjongren") is None
    IndexTerm.objects.create(term="zwerfjongeren", stem=stem("zwerfjongeren"), doc_count=4)
    vocabulary_module.changed()
    assert vocabulary_module.vocabulary().correct("zwerfjongren") == "zwerfjongeren"
    assert vocabulary_module.vocabulary().completions("zwerf") == ["zwerfjongeren"]


def test_completions_are_the_commonest_words_with_the_prefix(vocabulary_in_table):
    expected = sorted(
        (term for term in vocabulary_in_table if term.startswith("ouder")), key=lambda t: (-vocabulary_in_table[t], t)
    )[:5]
    assert vocabulary_module.vocabulary().completions("ouder") == expected


def test_the_folded_letter_bits_never_drop_a_word_within_the_distance():
    """The vectorised filter folds letters into 64 bits: still at most two bits per edit."""
    from search.vocabulary import letter_bits

    rng = random.Random(4)
    for _ in range(2000):
        word = "".join(rng.choices("abcdeklmnorstéëï0123456789", k=rng.randint(4, 14)))
        other = misspelt(misspelt(word, rng), rng)
        assert (letter_bits(word) ^ letter_bits(other)).bit_count() <= 2 * edit_distance(word, other, 10)


def test_a_publish_makes_workers_read_again_only_the_letters_of_words_that_came_or_went(
    vocabulary_in_table, django_assert_num_queries
):
    from search.backends.database import DatabaseBackend
    from search.documents import SearchDocument

    k_word = min(term for term in vocabulary_in_table if term.startswith("kind"))
    k_typo = k_word[:3] + k_word[4:]
    vocabulary = vocabulary_module.vocabulary()
    assert vocabulary.correct("jeugdhlup") and vocabulary.correct(k_typo)
    assert vocabulary.correct("zwerfjongren") is None
    assert set(vocabulary.buckets) == {"j", "k", "z"}

    DatabaseBackend().index(
        [SearchDocument(key="test.Page:1", type="story", title="Zwerfjongeren", url="/z/", summary="", body="")]
    )
    new_terms = IndexTerm.objects.exclude(term__in=list(vocabulary_in_table)).values_list("term", flat=True)
    new_initials = {term[0] for term in new_terms}
    assert "z" in new_initials and "k" not in new_initials
    after = vocabulary_module.vocabulary()
    assert after is vocabulary, "the same vocabulary, not a fresh one"
    assert set(after.buckets) == {"j", "k", "z"} - new_initials, "only the letters of new words are forgotten"
    with django_assert_num_queries(0):
        assert after.correct(k_typo)
    assert after.correct("zwerfjongren") == "zwerfjongeren"

    DatabaseBackend().delete(["test.Page:1"])
    assert vocabulary_module.vocabulary().correct("zwerfjongren") is None, "a word that went is forgotten too"


def test_a_rebuild_makes_workers_start_afresh(vocabulary_in_table):
    vocabulary = vocabulary_module.vocabulary()
    vocabulary.correct("jeugdhlup")
    vocabulary_module.changed()
    assert vocabulary_module.vocabulary() is not vocabulary
    assert vocabulary_module.vocabulary().buckets == {}
