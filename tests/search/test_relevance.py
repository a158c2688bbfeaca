"""The relevance set (search/relevance/queries.json) on the demo content, embedded backend."""

import pytest

from search.relevance import evaluate, load_queries, service_search

pytestmark = pytest.mark.django_db


def test_relevance_set_is_big_and_varied():
    queries = load_queries()
    assert len(queries) >= 30
    kinds = " ".join(item["kind"] for item in queries)
    for kind in ["synonym", "typo", "compound", "acronym", "multiword"]:
        assert kind in kinds


def test_hit_at_3_on_demo_content(demo_content):
    evaluation = evaluate(service_search)
    assert evaluation.hit_at_3 >= 0.9, evaluation.misses
