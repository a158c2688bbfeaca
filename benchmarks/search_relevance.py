"""Relevance of search on the demo content: hit@1, hit@3 and MRR per kind of query and mode.

    DATABASE_URL=sqlite:////tmp/relevance.sqlite3 .venv/bin/python benchmarks/search_relevance.py --load-demo
    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_search_bench .venv/bin/python benchmarks/search_relevance.py --load-demo
    … benchmarks/search_relevance.py --tune     # the fusion settings over the whole set

Runs the queries of search/relevance/queries.json through the search service (the backend the
settings choose; ELASTICSEARCH_URL=… for Elasticsearch) in three modes in one run: lexical
(words, synonyms, compounds, typos), semantic (nearest sentence embeddings only) and hybrid
(both, fused: the default), each per kind of query: keyword queries and descriptive questions
in a professional's own words. For comparison, Wagtail's stock `Page.objects.live().search(q)`
on the same pages. Prints Markdown tables.
"""

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-demo", action="store_true", help="migrate, load demo content, rebuild the index")
    parser.add_argument("--verbose", action="store_true", help="list the queries that missed the top 3")
    parser.add_argument("--tune", action="store_true", help="grid-search the fusion settings on the whole set")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from search import embeddings, vectors
    from search.backends import get_backend
    from search.relevance import evaluate, evaluate_by_group, mode_search

    if args.load_demo:
        call_command("migrate", verbosity=0)
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)
        started = time.perf_counter()
        call_command("search_index", rebuild=True, verbosity=0)
        print(f"index rebuild: {time.perf_counter() - started:.1f} s ({get_backend().count()} documents)")

    engine = f"{get_backend().name}, {connection.vendor}"
    print(f"embedding model: {embeddings.health()}")
    if args.tune:
        tune(evaluate_by_group, mode_search, vectors)
        return

    def wagtail_search(query):
        try:
            return [page.url for page in Page.objects.live().specific().search(query)[:10]]
        except Exception:  # stock search raises on some inputs; count as no result
            return []

    print("| mode | kind | queries | hit@1 | hit@3 | MRR |")
    print("|---|---|---|---|---|---|")
    modes = ["lexical", "semantic", "hybrid"] if embeddings.available() else ["lexical"]
    for mode in modes:
        for group, evaluation in evaluate_by_group(mode_search(mode)).items():
            print(f"| {mode} ({engine}) | {group} | {evaluation.count} | {evaluation.as_row()} |")
            if args.verbose and group != "all":
                for query, expected, got in evaluation.misses:
                    print(f"    {mode} miss: {query!r} expected {expected[0]} got {got}", file=sys.stderr)
    stock = evaluate(wagtail_search)
    print(
        f"| Wagtail stock Page.objects.live().search() ({connection.vendor}) | all | {stock.count} | {stock.as_row()} |"
    )


def tune(evaluate_by_group, mode_search, vectors):
    """Every combination of the fusion settings, scored on the whole set at once (never per
    query): the best MRR over all queries that loses nothing on keyword queries."""
    baseline = evaluate_by_group(mode_search("lexical"))
    print(f"lexical: keyword {baseline['keyword'].as_row()}, descriptive {baseline['descriptive'].as_row()}")
    grid = itertools.product([5, 20, 60], [0.5, 1.0, 2.0], [1, 3, 5], [0.0, 1.0], [10], [0.03, 0.06])
    rows = []
    for rrf_k, semantic_weight, full_words, title_weight, pool, margin in grid:
        vectors.RRF_K, vectors.SEMANTIC_WEIGHT, vectors.TITLE_WEIGHT = rrf_k, semantic_weight, title_weight
        vectors.SEMANTIC_POOL, vectors.SEMANTIC_MARGIN, vectors.FULL_WEIGHT_WORDS = pool, margin, full_words
        result = evaluate_by_group(mode_search("hybrid"))
        keyword_loss = result["keyword"].hit_at_3 < baseline["keyword"].hit_at_3
        rows.append(
            (
                not keyword_loss,
                result["all"].mrr,
                result["keyword"].mrr,
                result["descriptive"].mrr,
                result["keyword"].hit_at_3,
                result["descriptive"].hit_at_3,
                rrf_k,
                semantic_weight,
                full_words,
                title_weight,
                pool,
                margin,
            )
        )
    rows.sort(reverse=True)
    print(
        "| no keyword loss | MRR all | MRR keyword | MRR descriptive | hit@3 keyword | hit@3 descriptive"
        " | RRF k | semantic weight | full-weight words | title weight | pool | margin |"
    )
    for row in rows[:15]:
        print("| " + " | ".join(f"{value:.3f}" if isinstance(value, float) else str(value) for value in row) + " |")


if __name__ == "__main__":
    main()
