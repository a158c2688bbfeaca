"""Hybrid search: vectors with the index, fusion, facets and totals, graceful degradation,
related content. With the cheap test model (fake_embeddings.WordHashModel); the real model's
relevance is tested in test_hybrid_relevance.py."""

import logging

import pytest

from search import embeddings, service, vectors
from search.backends import get_backend
from search.models import IndexEntry

from .conftest import DOCUMENTS, doc

pytestmark = pytest.mark.django_db

RURAL = doc(
    7,
    "story",
    "De keet in het dorp",
    "Tieners in Groningse dorpen komen samen in een schuur.",
    "Er wordt veel bier gedronken; het jongerenwerk zoekt ze daar op.",
    "Het Hogeland",
    "Groningen",
    theme=["alcohol"],
)


@pytest.fixture
def hybrid_index(word_hash_model, synonyms):
    get_backend().rebuild([[*DOCUMENTS, RURAL]])


def keys(results):
    return [result.key for result in results.results]


def test_rebuild_and_indexing_store_a_vector_per_document(word_hash_model, synonyms):
    get_backend().rebuild([DOCUMENTS])
    entries = list(IndexEntry.objects.all())
    assert len(entries) == len(DOCUMENTS)
    assert {entry.embedding_model for entry in entries} == {"test-word-hash"}
    assert all(len(bytes(entry.embedding)) == 384 for entry in entries)

    get_backend().index([RURAL])  # publishing one page
    entry = IndexEntry.objects.get(key=RURAL.key)
    assert entry.embedding_model == "test-word-hash" and len(bytes(entry.embedding)) == 384


def test_a_question_in_other_words_finds_the_story_by_meaning(hybrid_index):
    # "drankgebruik" and "platteland" are nowhere in the story; only "jongeren" is, in many entries.
    lexical = service.search("drankgebruik van jongeren op het platteland", mode="lexical")
    hybrid = service.search("drankgebruik van jongeren op het platteland")
    lexical_rank = keys(lexical).index(RURAL.key) if RURAL.key in keys(lexical) else len(keys(lexical))
    assert keys(hybrid).index(RURAL.key) < lexical_rank
    assert RURAL.key in keys(hybrid)[:2]


def test_totals_and_facets_are_those_of_the_fused_results(hybrid_index):
    results = service.search("drankgebruik van jongeren op het platteland", page_size=50)
    assert results.total == len(results.results)
    type_counts = dict(results.facets["type"])
    assert sum(type_counts.values()) == results.total
    assert ("Het Hogeland", 1) in results.facets["municipality"]


def test_filters_hold_for_the_semantic_hits_too(hybrid_index):
    results = service.search("drankgebruik van jongeren op het platteland", {"type": ["method"]})
    assert RURAL.key not in keys(results)
    assert {result.type for result in results.results} == {"method"}


def test_exact_title_still_comes_first(hybrid_index):
    assert keys(service.search("Triple P"))[0] == "test.Doc:5"
    assert keys(service.search("CenteringPregnancy"))[0] == "test.Doc:3"


def test_typos_and_synonyms_still_work(hybrid_index):
    results = service.search("centering pregancy")
    assert keys(results)[0] == "test.Doc:3" and results.suggestion == "centering pregnancy"
    assert "test.Doc:1" in keys(service.search("tienermoeders"))[:2]


def test_nonsense_still_finds_nothing(hybrid_index):
    results = service.search("xqzwv")
    assert results.total == 0 and results.results == []


def test_a_deleted_document_leaves_the_semantic_results(hybrid_index):
    get_backend().delete([RURAL.key])
    assert RURAL.key not in keys(service.search("drankgebruik van jongeren op het platteland"))


def test_vectors_of_another_model_are_ignored_until_a_rebuild(hybrid_index, settings):
    settings.SEARCH_EMBEDDING_MODEL = "tests.search.fake_embeddings.OtherWordHashModel"
    vectors.changed()
    assert service.related(RURAL.key, ["story"]) == {"story": []}  # no vector, no shared theme either
    results = service.search("drankgebruik van jongeren op het platteland")
    assert RURAL.key not in keys(results)[:1]  # lexical ranking only: no vectors of this model


def test_without_a_loadable_model_search_is_lexical_and_says_so_only_to_the_operator(settings, synonyms, caplog):
    settings.SEARCH_EMBEDDING_MODEL = "tests.search.fake_embeddings.BrokenModel"
    with caplog.at_level(logging.WARNING, logger="search.embeddings"):
        get_backend().rebuild([DOCUMENTS])
        results = service.search("jonge moeders")
        service.search("schoolverzuim")
    assert keys(results)[0] == "test.Doc:1"
    assert not results.message and not results.degraded
    assert IndexEntry.objects.filter(embedding__isnull=False).count() == 0
    warnings = [record for record in caplog.records if "could not be loaded" in record.getMessage()]
    assert len(warnings) == 1  # once per process, not per search
    assert embeddings.health() == {
        "semantic": "unavailable",
        "model": "",
        "setting": "tests.search.fake_embeddings.BrokenModel",
        "error": "OSError: model file missing",
    }


def test_health_when_semantic_search_is_on_or_off(settings, word_hash_model):
    assert embeddings.health()["semantic"] == "ok"
    settings.SEARCH_EMBEDDING_MODEL = ""
    assert embeddings.health()["semantic"] == "off"


def test_nearest_scores_in_bounded_chunks_from_int8_or_float_rows_alike(hybrid_index, monkeypatch):
    vector = embeddings.embed_query("drankgebruik platteland")
    whole = vectors.nearest(vector, 3)
    monkeypatch.setattr(vectors, "CHUNK_ROWS", 2)
    monkeypatch.setattr(vectors, "FLOAT_CACHE_BYTES", 0)  # int8 rows converted chunk by chunk
    vectors.changed()
    in_chunks = vectors.nearest(vector, 3)
    assert vectors._loaded["unit"] is None
    assert [key for key, _ in in_chunks] == [key for key, _ in whole]
    assert [score for _, score in in_chunks] == pytest.approx([score for _, score in whole], abs=1e-5)


def test_rebuild_command_reports_health(word_hash_model, synonyms):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("search_index", health=True, stdout=out)
    assert "test-word-hash" in out.getvalue()


def test_fusion_weighs_each_ranking_by_its_own_weight(monkeypatch):
    monkeypatch.setattr(vectors, "RRF_K", 0)
    monkeypatch.setattr(vectors, "TITLE_WEIGHT", 1.0)
    # lexical: 1 then 2 (2 has the whole query in its title); semantic: 3 then 1
    fused = dict(vectors.fuse([1, 2], [3, 1], title_ids={2}, weight=4.0))
    assert fused == {1: 1.0 + 4.0 / 2, 2: 2.0 / 2, 3: 4.0}


def test_the_semantic_half_runs_beside_the_lexical_sql_in_another_thread(hybrid_index, monkeypatch):
    """The query's embedding and the vector scan start before the lexical SQL, in a thread,
    and give the same results as when they ran after it."""
    import threading

    threads = []
    original = vectors.semantic_hits

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(vectors, "semantic_hits", recording)
    concurrent = keys(service.search("drankgebruik van jongeren op het platteland"))
    assert threads and threads[0] is not threading.current_thread()

    class AlreadyDone:
        def __init__(self, hits):
            self._hits = hits

        def hits(self):
            return self._hits

    monkeypatch.setattr(vectors, "semantic_hits_soon", lambda text, allowed: AlreadyDone(original(text, allowed)))
    assert keys(service.search("drankgebruik van jongeren op het platteland")) == concurrent


def test_a_failure_in_the_semantic_thread_leaves_a_lexical_answer(hybrid_index, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("model crashed")

    monkeypatch.setattr(vectors, "semantic_hits", broken)
    lexical = service.search("drankgebruik van jongeren op het platteland", mode="lexical")
    with caplog.at_level(logging.WARNING, logger="search.vectors"):
        results = service.search("drankgebruik van jongeren op het platteland")
    assert keys(results) == keys(lexical) and results.message == lexical.message
    assert "answering lexically" in caplog.text


def test_a_question_that_matches_no_entry_with_all_its_words_is_embedded_once(hybrid_index, monkeypatch):
    """Nothing holds every word of this question, so it is searched again with any of its
    words (a partial match); the semantic half started for the first search serves the second
    (same text, same filters) instead of embedding the question again, and its neighbours are
    still fused in."""
    started = []
    original = vectors.semantic_hits_soon

    def recording(text, allowed_ids=None):
        started.append(text)
        return original(text, allowed_ids)

    monkeypatch.setattr(vectors, "semantic_hits_soon", recording)
    question = "drankgebruik van jongeren op het platteland"
    results = service.search(question)
    assert results.partial_match and started == [question]
    assert RURAL.key in keys(results)[:2]
