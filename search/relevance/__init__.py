"""The relevance set (queries.json) and its measures: hit@1, hit@3 and mean reciprocal rank."""

import json
from dataclasses import dataclass
from pathlib import Path

QUERIES_FILE = Path(__file__).with_name("queries.json")


def load_queries():
    return json.loads(QUERIES_FILE.read_text())["queries"]


@dataclass
class Evaluation:
    hit_at_1: float
    hit_at_3: float
    mrr: float
    misses: list  # (query, expected, top 3 urls) of queries without a hit in the top 3
    count: int = 0

    def as_row(self):
        return f"{self.hit_at_1:.0%} | {self.hit_at_3:.0%} | {self.mrr:.3f}"


def evaluate(search, queries=None, depth=10):
    """Run every query through `search(query) -> [url, …]` and score the rankings."""
    queries = queries or load_queries()
    hits1 = hits3 = reciprocal = 0.0
    misses = []
    for item in queries:
        urls = search(item["query"])[:depth]
        ranks = [position for position, url in enumerate(urls, 1) if url in item["expected"]]
        rank = ranks[0] if ranks else None
        hits1 += rank == 1
        hits3 += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0
        if not rank or rank > 3:
            misses.append((item["query"], item["expected"], urls[:3]))
    count = len(queries)
    return Evaluation(hits1 / count, hits3 / count, reciprocal / count, misses, count)


def group_of(item):
    """ "descriptive" (a need in the user's own words) or "keyword" (every other kind)."""
    return "descriptive" if item["kind"] == "descriptive" else "keyword"


def evaluate_by_group(search, queries=None, depth=10):
    """{group: Evaluation} per kind of query, plus "all"."""
    queries = queries or load_queries()
    groups = {"keyword": [], "descriptive": []}
    for item in queries:
        groups[group_of(item)].append(item)
    evaluations = {name: evaluate(search, items, depth) for name, items in groups.items() if items}
    evaluations["all"] = evaluate(search, queries, depth)
    return evaluations


def service_search(query, mode="hybrid"):
    from search import service

    return [result.url for result in service.search(query, page_size=10, mode=mode).results]


def mode_search(mode):
    """A `search(query) -> [url]` for one mode: "lexical", "semantic" or "hybrid"."""
    return lambda query: service_search(query, mode)
