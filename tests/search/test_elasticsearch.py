"""The Elasticsearch backend without a server (mappings, queries, responses), and against a
real cluster when ELASTICSEARCH_URL is set."""

import json
import os
from pathlib import Path

import pytest

from search.backends.elastic import (
    FACET_SEPARATOR,
    KNN_BOOST,
    SearchEntry,
    build_search,
    embedding_updates,
    entries,
    index_definition,
    parse_response,
    synonym_rules,
)
from search.query import parse
from search.vocabulary import OpenVocabulary

from .conftest import DOCUMENTS

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db  # query parsing reads the synonym snippets


def test_index_settings_have_a_dutch_analysis_chain():
    definition = index_definition("cop-search-test", synonym_rules([["spijbelen", "schoolverzuim"]])).to_dict()
    analysis = definition["settings"]["analysis"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert "de" in analysis["filter"]["dutch_stop"]["stopwords"]
    assert analysis["filter"]["dutch_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["spijbelen, schoolverzuim"],
        "lenient": True,
    }
    assert "kind" in analysis["filter"]["dutch_decompounder"]["word_list"]
    assert analysis["filter"]["autocomplete_ngrams"]["type"] == "edge_ngram"
    index_chain = analysis["analyzer"]["dutch_index"]["filter"]
    assert index_chain.index("asciifolding") < index_chain.index("dutch_stemmer")
    assert "dutch_synonyms" in analysis["analyzer"]["dutch_search"]["filter"]
    properties = definition["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "dutch_index"
    assert properties["title"]["search_analyzer"] == "dutch_search"
    assert properties["title"]["fields"]["autocomplete"]["analyzer"] == "autocomplete_index"
    assert properties["facet_values"] == {"type": "keyword"}


def test_synonym_rules_skip_sets_that_are_too_small():
    assert synonym_rules([["a"], ["jeugd-GGZ", " geestelijke  gezondheidszorg jeugd "]]) == [
        "jeugd-GGZ, geestelijke gezondheidszorg jeugd"
    ]


def test_document_carries_facets_and_compound_variants():
    entry = SearchEntry.from_document(DOCUMENTS[3]).to_dict(include_meta=True)
    assert entry["_id"] == "test.Doc:4"
    source = entry["_source"]
    assert f"province{FACET_SEPARATOR}Noord-Holland" in source["facet_values"]
    assert "ouderkindcoach" in source["keywords"] and "sociaalemotionele" in source["keywords"]


def test_generated_query_has_clauses_filters_aggregations_highlight_and_suggester():
    parsed = parse("spijbelen jongeren", vocab=OpenVocabulary())
    body = build_search("cop-search", parsed, {"type": ["story"]}, page=2, page_size=10).to_dict()
    assert body["from"] == 10 and body["size"] == 10 and body["track_total_hits"] is True
    must = body["query"]["bool"]["must"][0]["function_score"]["query"]["bool"]["must"]
    assert len(must) == 1  # the pair is one clause: "spijbelen jongeren" or "spijbelenjongeren"
    first = must[0]["bool"]["should"][0]["multi_match"]
    assert first["query"] == "spijbelen jongeren" and first["operator"] == "and"
    fuzzy = must[0]["bool"]["should"][1]["multi_match"]
    assert fuzzy["fuzziness"] == "AUTO" and fuzzy["analyzer"] == "dutch_search_plain"
    assert body["query"]["bool"]["filter"] == [{"terms": {"facet_values": [f"type{FACET_SEPARATOR}story"]}}]
    assert body["aggs"]["facets"]["terms"]["field"] == "facet_values"
    assert body["highlight"]["pre_tags"] == ["\ue000"]
    assert body["suggest"]["spelling"]["phrase"]["field"] == "spelling"


def test_empty_query_browses_by_date():
    body = build_search("cop-search", parse(""), {}, 1, 10).to_dict()
    assert body["query"] == {"match_all": {}} and body["sort"][0] == {"date": {"order": "desc"}}


def test_response_becomes_search_results_with_safe_highlights():
    raw = json.loads((FIXTURES / "es_search_response.json").read_text())
    results = parse_response(raw, parse("centering pregancy", vocab=OpenVocabulary()), 1, 10)
    assert results.total == 2
    assert [r.title for r in results.results] == ["CenteringPregnancy", "Zwangeren kiezen in Huizen voor de groep"]
    assert results.results[0].highlight == (
        "Negen bijeenkomsten met de <mark>verloskundige</mark> &lt;b&gt;in&lt;/b&gt; een groep &amp; meer"
    )
    assert results.results[1].municipality == "Huizen" and results.results[1].highlight == ""
    assert results.facets["type"] == [("method", 1), ("story", 1)]
    assert results.facets["life_stage"] == [("Zwangerschap en geboorte", 2)]
    assert results.suggestion == "centering pregnancy"


def test_mapping_has_a_dense_vector_for_the_embeddings():
    properties = index_definition("cop-search-test", []).to_dict()["mappings"]["properties"]
    assert properties["embedding"] == {"type": "dense_vector", "dims": 384, "index": True, "similarity": "cosine"}


def test_documents_carry_their_embedding_when_a_model_is_available(word_hash_model):
    source = entries([DOCUMENTS[0]])[0].to_dict(include_meta=True)["_source"]
    assert len(source["embedding"]) == 384 and any(source["embedding"])


def test_documents_have_no_embedding_without_a_model(settings):
    settings.SEARCH_EMBEDDING_MODEL = ""
    assert "embedding" not in entries([DOCUMENTS[0]])[0].to_dict()


def test_publishing_indexes_without_the_vector_and_the_task_sets_only_the_vector(word_hash_model):
    assert "embedding" not in entries([DOCUMENTS[0]], embed=False)[0].to_dict()
    (action,) = embedding_updates("cop-search", {DOCUMENTS[0].key: [0.5] * 384, "wrong.Size:1": [0.5] * 12})
    assert action == {
        "_op_type": "update",
        "_index": "cop-search",
        "_id": DOCUMENTS[0].key,
        "doc": {"embedding": [0.5] * 384},
    }


def test_hybrid_query_fuses_a_knn_clause_with_the_text_query_under_the_same_filters():
    parsed = parse("verpleegkundige komt thuis bij jonge moeders", vocab=OpenVocabulary())
    vector = [0.05] * 384
    body = build_search("cop-search", parsed, {"type": ["story", "method"]}, 1, 10, query_vector=vector).to_dict()
    knn = body["knn"]
    assert knn["field"] == "embedding" and len(knn["query_vector"]) == 384
    assert knn["k"] == 10 and knn["num_candidates"] >= knn["k"] and knn["boost"] == KNN_BOOST
    facet_filter = {"terms": {"facet_values": [f"type{FACET_SEPARATOR}story", f"type{FACET_SEPARATOR}method"]}}
    assert knn["filter"][0] == facet_filter and body["query"]["bool"]["filter"] == [facet_filter]
    some_word = knn["filter"][1]["bool"]  # neighbours share a word with the query: nonsense finds nothing
    assert some_word["minimum_should_match"] == 1
    assert some_word["should"] == body["query"]["bool"]["must"][0]["function_score"]["query"]["bool"]["must"]
    assert "function_score" in body["query"]["bool"]["must"][0]  # the text query stays
    assert body["aggs"]["facets"]["terms"]["field"] == "facet_values"  # facets over the fused hits


def test_no_knn_clause_without_a_vector_or_for_browsing():
    parsed = parse("jonge moeders", vocab=OpenVocabulary())
    assert "knn" not in build_search("cop-search", parsed, {}, 1, 10).to_dict()
    assert "knn" not in build_search("cop-search", parse(""), {}, 1, 10, query_vector=[0.1] * 384).to_dict()


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to test against"
)
def test_against_a_real_cluster(settings, synonyms):
    from search import service
    from search.backends import _backends
    from search.backends.elastic import ElasticsearchBackend

    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = "cop-test"
    _backends.clear()
    try:
        backend = ElasticsearchBackend(ELASTICSEARCH_URL, "cop-test")
        backend.rebuild([DOCUMENTS])
        assert service.search("spijbelen").results[0].key == "test.Doc:2"
        assert service.search("ouder kindcoach").results[0].key == "test.Doc:4"
        assert dict(service.search("zwangerschap").facets["type"])["method"] == 1
        backend.rebuild([DOCUMENTS[:2]])  # alias swap: the old index is gone, search still works
        assert backend.count() == 2
        backend.delete(["test.Doc:2"])
        assert service.search("schoolverzuim").total == 0
    finally:
        _backends.clear()
