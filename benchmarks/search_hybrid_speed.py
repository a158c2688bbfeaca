"""Cost of the semantic layer: embedding time, rebuild time, and search p50/p95 with and without it.

    DATABASE_URL=sqlite:////tmp/relevance.sqlite3 .venv/bin/python benchmarks/search_hybrid_speed.py --load-demo
    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_search_bench .venv/bin/python benchmarks/search_hybrid_speed.py --load-demo

On the database the settings choose (the demo content with --load-demo), it measures:
1. model load, and embedding time per document (the demo's documents, in batches as a rebuild does);
2. the index rebuild with and without the semantic layer (wall time);
3. query embedding time, uncached (every query of the relevance set);
4. search p50/p95 over the relevance set's queries (service.search, page of 10 with facets and
   highlights), lexical and hybrid, several rounds;
5. the exact vector search alone at 1k/10k/100k stored vectors (random int8 vectors of the
   model's size put in the per-process matrix: the dot product and top-k cost does not depend
   on what the vectors mean), with the matrix's memory.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.dev")


def percentiles(times):
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-demo", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    args = parser.parse_args()

    import django

    django.setup()
    import numpy as np
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from search import embeddings, service, vectors
    from search.backends import get_backend
    from search.indexing import public_documents
    from search.relevance import load_queries

    if args.load_demo:
        call_command("migrate", verbosity=0)
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)

    started = time.perf_counter()
    model = embeddings.model()
    print(
        f"engine: {connection.vendor}; model: {embeddings.model_name()}; load {1000 * (time.perf_counter() - started):.0f} ms"
    )
    documents = [document for batch in public_documents() for document in batch]
    texts = [embeddings.document_text(document) for document in documents]
    started = time.perf_counter()
    embeddings.embed_documents(texts)
    per_document = (time.perf_counter() - started) / len(texts)
    print(
        f"embedding: {1000 * per_document:.0f} ms per document ({len(texts)} documents, "
        f"{statistics.mean(len(text) for text in texts):.0f} characters on average)"
    )

    backend = get_backend()
    with override_settings(SEARCH_EMBEDDING_MODEL=""):
        started = time.perf_counter()
        backend.rebuild(public_documents())
        lexical_rebuild = time.perf_counter() - started
    embeddings.use_model(model)
    started = time.perf_counter()
    backend.rebuild(public_documents())
    hybrid_rebuild = time.perf_counter() - started
    print(
        f"rebuild of {backend.count()} documents: lexical {lexical_rebuild:.1f} s, with embeddings {hybrid_rebuild:.1f} s"
    )

    queries = [item["query"] for item in load_queries()]
    times = []
    for query in queries:
        started = time.perf_counter()
        model.query(query)
        times.append(1000 * (time.perf_counter() - started))
    p50, p95 = percentiles(times)
    print(f"query embedding (uncached): p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    print("\n| mode | queries × rounds | p50 ms | p95 ms |\n|---|---|---|---|")
    for mode in ["lexical", "hybrid"]:
        times = []
        for _ in range(args.rounds):
            embeddings._cached_query.cache_clear()  # every round pays the query embedding
            for query in queries:
                started = time.perf_counter()
                service.search(query, mode=mode)
                times.append(1000 * (time.perf_counter() - started))
        p50, p95 = percentiles(times)
        print(f"| {mode} ({connection.vendor}, demo) | {len(queries)} × {args.rounds} | {p50:.1f} | {p95:.1f} |")

    print("\n| stored vectors | int8 matrix MB | float32 copy | nearest() p50 ms | p95 ms |\n|---|---|---|---|---|")
    rng = np.random.default_rng(17)
    query_vectors = [model.query(query) for query in queries[:20]]
    for size in args.sizes:
        matrix = rng.integers(-127, 128, size=(size, model.dimensions), dtype=np.int8)
        norms = np.linalg.norm(matrix.astype(np.float32), axis=1)
        unit = matrix.astype(np.float32) / norms[:, None] if matrix.nbytes * 4 <= vectors.FLOAT_CACHE_BYTES else None
        vectors._loaded.update(
            ids=np.arange(size, dtype=np.int64),
            matrix=matrix,
            norms=norms,
            unit=unit,
            model=embeddings.model_name(),
            checked=time.monotonic() + 3600,
        )
        times = []
        for vector in query_vectors * args.rounds:
            started = time.perf_counter()
            vectors.nearest(vector, vectors.SEMANTIC_POOL)
            times.append(1000 * (time.perf_counter() - started))
        p50, p95 = percentiles(times)
        copy = f"{unit.nbytes / 1e6:.0f} MB" if unit is not None else "no (int8 chunks)"
        print(f"| {size:,} | {matrix.nbytes / 1e6:.1f} | {copy} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
