"""Search p50/p95 with and without the semantic layer on a large generated corpus, in one run.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_search_bench_scale nice -n 5 \\
        .venv/bin/python benchmarks/search_semantic_scale.py

Uses the corpus `benchmarks/search_speed.py` left in that database (100,000 documents). Embedding
it with the model would take days on this machine (0.3–0.5 s a document), so entries without a
vector of the current model get a random int8 vector of the model's size: what a query costs
(the query's embedding by the real model, the exact search over every stored vector, the fusion)
does not depend on what the stored vectors mean. Then every query of the speed benchmark is
timed through `search.service.search` (page of 10, facets, highlights), lexical and hybrid
alternately, with the load average (`--compare`: also as before the p95 work, interleaved, for a
before/after in one run on a shared machine; `--compare-head-work`: the same against the code
before the cheaper head candidates and the planner's estimate only for queries that could be
broad; `--compare-samples-and-heads`: against the code before the likely heads of two common
words and the facet sample read by rows; `--also QUERY` adds a query to the twelve). "hybrid,
new query" empties the cache of query embeddings before each search, as for a query no one asked
before: the embedding is computed in the search. Each query is searched once, untimed, before
its timed searches in a round, so that no side always pays for the buffers the previous query
displaced.
Beside the wall time, the process CPU time per search (less sensitive to other load; the
database server's time is not in it).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.dev")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also time, interleaved, the code as it was before the p95 work: the semantic half after"
        " the lexical SQL instead of beside it, and every broad query probed for its first 1,001 matches",
    )
    parser.add_argument(
        "--compare-head-work",
        action="store_true",
        help="also time, interleaved, the code as it was before the sixth session's head work: every"
        " head with two query words read for a pair or its compound (not only those with a query word"
        " in the title), and the planner asked for an estimate on every search",
    )
    parser.add_argument(
        "--compare-samples-and-heads",
        action="store_true",
        help="also time, interleaved, the code as it was before the seventh session: every head with"
        " two query words read for two common words, head candidates checked against their whole"
        " vectors, and the facet sample always intersected with the GIN index's matches",
    )
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="QUERY",
        help="time this query too, after the speed benchmark's twelve (repeatable)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    import numpy as np
    from django.conf import settings
    from django.core.management import call_command
    from search_speed import QUERIES

    from search import embeddings, service, vectors
    from search.backends import database
    from search.models import IndexEntry
    from search.query import parse

    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    if not embeddings.available():
        sys.exit("The embedding model cannot load here: nothing to compare.")
    name, dimensions = embeddings.model_name(), embeddings.model().dimensions
    rng = np.random.default_rng(17)
    missing = IndexEntry.objects.exclude(embedding_model=name).only("id")
    filled = 0
    while ids := list(missing.values_list("id", flat=True)[:5000]):
        entries = [IndexEntry(id=entry_id) for entry_id in ids]
        for entry in entries:
            entry.embedding = rng.integers(-127, 128, dimensions, dtype=np.int8).tobytes()
            entry.embedding_model = name
        IndexEntry.objects.bulk_update(entries, ["embedding", "embedding_model"])
        filled += len(entries)
    documents = IndexEntry.objects.count()
    queries = [*QUERIES, *args.also]
    for query in queries:  # warm: the model, the vector matrix, the caches
        service.search(query, mode="hybrid")
        service.search(query, mode="lexical")
    load_start = os.getloadavg()
    labels = ["lexical", "hybrid", "hybrid, new query"]
    if args.compare or args.compare_head_work or args.compare_samples_and_heads:
        labels += [f"{label}, before" for label in labels]
    timings = {label: [] for label in labels}
    cpu = {label: [] for label in timings}
    per_query = {}
    concurrent, clearly_broad = vectors.semantic_hits_soon, database.CLEARLY_BROAD
    proximity, could_be_broad = database.ranks_by_proximity, database.could_be_broad
    likely_bound, whole_of_heads = database.likely_heads_bound, database.DatabaseBackend._whole_query_of_heads
    sample_row_cost = database.SAMPLE_ROW_COST

    def whole_always(match):
        """Before: every head candidate checked against its entry's whole vector."""
        return "search_vector @@ %s::tsquery", [match["tsquery"]]

    class Computed:
        """The semantic hits computed on the spot, in the request's thread (as before)."""

        def __init__(self, text, allowed_ids):
            self.text, self.allowed_ids = text, allowed_ids

        def hits(self):
            return vectors.semantic_hits(self.text, self.allowed_ids)

    for round_number in range(args.repeat):
        for query in queries:
            # Untimed, so that no side is always the first search of this query in its round (that
            # one pays for the buffers the previous query displaced).
            service.search(query, mode="lexical")
            # Every other round in reverse, so that neither side always runs on the buffers the
            # other has just warmed for this query.
            for label in list(timings)[:: 1 if round_number % 2 == 0 else -1]:
                before = label.endswith(", before")
                if args.compare:
                    vectors.semantic_hits_soon = Computed if before else concurrent
                    database.CLEARLY_BROAD = 0 if before else clearly_broad
                if args.compare_head_work:
                    database.ranks_by_proximity = (lambda tsquery: True) if before else proximity
                    database.could_be_broad = (lambda parsed: True) if before else could_be_broad
                if args.compare_samples_and_heads:
                    database.likely_heads_bound = (lambda tsquery: None) if before else likely_bound
                    database.DatabaseBackend._whole_query_of_heads = (
                        staticmethod(whole_always) if before else staticmethod(whole_of_heads)
                    )
                    database.SAMPLE_ROW_COST = 0 if before else sample_row_cost
                if "new query" in label:
                    embeddings._cached_query.cache_clear()
                elif label.startswith("hybrid"):  # its embedding cached, as for a query asked before
                    embeddings.embed_query(parse(query).text)
                started, started_cpu = time.perf_counter(), time.process_time()
                service.search(query, mode=label.split(",")[0])
                timings[label].append((time.perf_counter() - started) * 1000)
                per_query.setdefault((query, label), []).append(timings[label][-1])
                cpu[label].append((time.process_time() - started_cpu) * 1000)
    embedding = []
    for query in queries:
        started = time.perf_counter()
        embeddings.model().query(f"{query} {time.perf_counter_ns()}")  # uncached
        embedding.append((time.perf_counter() - started) * 1000)
    print(f"## Search with and without the semantic layer, {documents:,} documents\n")
    print(f"Random vectors stored for {filled:,} entries without one; model `{name}`.\n")
    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}\n".format(*load_start))
    print("| search | p50 ms | p95 ms | process CPU per search, mean ms |")
    print("|---|---|---|---|")
    for label, values in timings.items():
        print(
            f"| {label} ({len(values)} searches) | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f}"
            f" | {statistics.mean(cpu[label]):.1f} |"
        )
    print(
        f"| query embedding alone, uncached | {statistics.median(embedding):.1f} | {percentile(embedding, 0.95):.1f} | |"
    )
    print("\n| query | " + " | ".join(f"{label} p50 ms" for label in timings) + " |")
    print("|---|" + "---|" * len(timings))
    for query in queries:
        medians = " | ".join(f"{statistics.median(per_query[query, label]):.1f}" for label in timings)
        print(f"| {query} | {medians} |")
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
