"""The relevance set (search/relevance/queries.json) on the demo content, embedded backend."""

import pytest

from search.relevance import evaluate, group_of, load_queries, service_search

pytestmark = pytest.mark.django_db


def test_relevance_set_is_big_and_varied():
    queries = load_queries()
    assert len(queries) >= 30
    kinds = " ".join(item["kind"] for item in queries)
    for kind in ["synonym", "typo", "compound", "acronym", "multiword", "descriptive"]:
        assert kind in kinds
    assert sum(group_of(item) == "descriptive" for item in queries) >= 40


def test_every_expected_page_is_in_the_demo(demo_content):
    from search.models import IndexEntry

    urls = set(IndexEntry.objects.values_list("url", flat=True))
    missing = [(item["query"], url) for item in load_queries() for url in item["expected"] if url not in urls]
    assert not missing


def test_hit_at_3_on_demo_content(demo_content):
    """Keyword queries, lexical search (the tests run without an embedding model)."""
    keyword_queries = [item for item in load_queries() if group_of(item) == "keyword"]
    evaluation = evaluate(service_search, keyword_queries)
    assert evaluation.hit_at_3 >= 0.9, evaluation.misses
