"""Relevance of search on the demo content: hit@1, hit@3 and MRR per backend.

    DATABASE_URL=sqlite:////tmp/relevance.sqlite3 .venv/bin/python benchmarks/search_relevance.py --load-demo
    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_search_bench .venv/bin/python benchmarks/search_relevance.py --load-demo

Runs the queries of search/relevance/queries.json through the search service (the backend the
settings choose; ELASTICSEARCH_URL=… for Elasticsearch) and, for comparison, through Wagtail's
stock `Page.objects.live().search(q)` on the same pages. Prints a Markdown table row per engine.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-demo", action="store_true", help="migrate, load demo content, rebuild the index")
    parser.add_argument("--verbose", action="store_true", help="list the queries that missed the top 3")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from search.backends import get_backend
    from search.relevance import evaluate, service_search

    if args.load_demo:
        call_command("migrate", verbosity=0)
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)
        call_command("search_index", rebuild=True, verbosity=0)

    def wagtail_search(query):
        try:
            return [page.url for page in Page.objects.live().specific().search(query)[:10]]
        except Exception:  # stock search raises on some inputs; count as no result
            return []

    engines = [(f"search service ({get_backend().name}, {connection.vendor})", service_search)]
    engines.append((f"Wagtail stock Page.objects.live().search() ({connection.vendor})", wagtail_search))
    print("| engine | hit@1 | hit@3 | MRR |")
    print("|---|---|---|---|")
    for name, function in engines:
        evaluation = evaluate(function)
        print(f"| {name} | {evaluation.as_row()} |")
        if args.verbose:
            for query, expected, got in evaluation.misses:
                print(f"    miss: {query!r} expected {expected[0]} got {got}", file=sys.stderr)


if __name__ == "__main__":
    main()
