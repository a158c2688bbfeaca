"""Benchmark: the practice-story listing with facets over 10,000 stories.

Builds a throwaway database (never the development one), generates N stories spread over
the demo municipalities with random life stages, settings, domains, prevention levels,
working factors and themes, then requests the listing page with a set of facet
combinations and reports p50/p95 response times and the SQL query count per request.

    .venv/bin/python benchmarks/kb_listing.py                       # SQLite in /tmp
    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_kb_bench .venv/bin/python benchmarks/kb_listing.py

Pages are inserted in bulk (treebeard paths computed here, child rows through the ORM's
batched insert), because creating 10,000 Wagtail pages one by one takes far too long.
"""

import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/kb_listing_bench.sqlite3")

STORIES = int(os.environ.get("KB_BENCH_STORIES", "10000"))
REPEAT = int(os.environ.get("KB_BENCH_REPEAT", "20"))
QUERIES = [
    "",
    "?life_stage=12-18",
    "?life_stage=12-18&province=zuid-holland",
    "?province=noord-brabant&setting=school&domain=onderwijs",
    "?theme=thema-3&prevention_level=selectief",
    "?working_factor={factor}&life_stage=0-4&life_stage=4-12",
    "?life_stage=12-18&page=40",
]


def reset_database():
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    from urllib.parse import urlparse

    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if "bench" not in name:
        sys.exit("Refusing to drop a database whose name does not contain 'bench'.")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def build(story_count):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from home.site_setup import setup_site
    from organisations import demo as organisation_demo
    from organisations.models import OrganisationPage
    from practices.models import PracticeStoryPage, StoryTheme
    from taxonomy.models import Domain, LifeStage, PreventionLevel, Setting, Theme, WorkingFactor

    call_command("migrate", verbosity=0)
    quiet = lambda message: None  # noqa: E731
    setup_site(quiet)
    organisation_demo.load(quiet)

    rng = random.Random(42)
    parents = list(OrganisationPage.objects.filter(organisation__type="municipality").select_related("organisation"))
    content_type = ContentType.objects.get_for_model(PracticeStoryPage)
    locale = Locale.get_default()
    now = timezone.now()
    themes = [Theme.objects.get_or_create(name=f"thema {n}", slug=f"thema-{n}")[0] for n in range(40)]
    stages, settings, domains = list(LifeStage.objects.all()), list(Setting.objects.all()), list(Domain.objects.all())
    levels, factors = list(PreventionLevel.objects.all()), list(WorkingFactor.objects.all())

    pages, stories, parent_counts = [], [], {}
    for number in range(story_count):
        parent = parents[number % len(parents)]
        position = parent_counts.get(parent.pk, parent.numchild) + 1
        parent_counts[parent.pk] = position
        slug = f"verhaal-{number}"
        page = Page(
            title=f"Praktijkverhaal {number}",
            draft_title=f"Praktijkverhaal {number}",
            slug=slug,
            content_type=content_type,
            path=Page._get_path(parent.path, parent.depth + 1, position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            first_published_at=now - timezone.timedelta(minutes=number),
            last_published_at=now,
            locale=locale,
            translation_key=uuid.uuid4(),
        )
        pages.append(page)
    Page.objects.bulk_create(pages, batch_size=1000)
    for parent in parents:
        Page.objects.filter(pk=parent.pk).update(numchild=parent_counts.get(parent.pk, parent.numchild))
    created = Page.objects.filter(content_type=content_type).order_by("path")
    by_slug = {slug: pk for pk, slug in created.values_list("pk", "slug")}
    for number, page in enumerate(pages):
        parent = parents[number % len(parents)]
        story = PracticeStoryPage(
            page_ptr_id=by_slug[page.slug],
            municipality_id=parent.organisation_id,
            standfirst="Een gegenereerd verhaal voor de benchmark.",
            target_group="Jongeren en hun ouders",
            body=[],
            links=[],
            status="running",
            age_min=rng.choice([None, 4, 12]),
        )
        stories.append(story)
    PracticeStoryPage.objects.all()._batched_insert(
        stories, PracticeStoryPage._meta.local_concrete_fields, batch_size=500
    )

    def link(relation, terms, per_story):
        through = getattr(PracticeStoryPage, relation).through
        source = f"{PracticeStoryPage._meta.model_name}_id"
        target = f"{terms[0]._meta.model_name}_id"
        rows = []
        for story in stories:
            for term in rng.sample(terms, per_story):
                rows.append(through(**{source: story.page_ptr_id, target: term.pk}))
        through.objects.bulk_create(rows, batch_size=2000)

    link("life_stages", stages, 2)
    link("settings", settings, 2)
    link("domains", domains, 1)
    link("prevention_levels", levels, 1)
    link("working_factors", factors, 3)
    StoryTheme.objects.bulk_create(
        [
            StoryTheme(content_object_id=story.page_ptr_id, tag=theme)
            for story in stories
            for theme in rng.sample(themes, 2)
        ],
        batch_size=2000,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a live database has them
    return factors[0].slug


def measure(factor_slug):
    """Each URL REPEAT times with an empty facet cache ("cold") and REPEAT times with it filled ("warm")."""
    from django.core.cache import cache
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from practices.models import story_facets

    client = Client(HTTP_HOST="localhost")
    client.get("/praktijkverhalen/")  # warm up templates and site root paths
    print(
        f"{'querystring':62} {'results':>7} {'cold p50':>9} {'cold p95':>9} {'queries':>8} {'warm p50':>9} {'warm p95':>9} {'queries':>8}"
    )
    totals = {"cold": [], "warm": []}
    for template in QUERIES:
        url = "/praktijkverhalen/" + template.format(factor=factor_slug)
        row = {}
        for mode in ("cold", "warm"):
            times = []
            for _ in range(REPEAT):
                if mode == "cold":
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:  # an explicit check: `python -O` would skip an assert
                    raise SystemExit(f"{url} answered {response.status_code}; the timings would be meaningless")
            totals[mode].extend(times)
            row[mode] = (statistics.median(times), statistics.quantiles(times, n=20)[18], len(queries.captured_queries))
        listing = story_facets()
        total = listing.filter(listing.selection(QueryDict(url.partition("?")[2]))).count()
        cold, warm = row["cold"], row["warm"]
        print(
            f"{url[:62]:62} {total:>7} {cold[0]:>9.1f} {cold[1]:>9.1f} {cold[2]:>8} {warm[0]:>9.1f} {warm[1]:>9.1f} {warm[2]:>8}"
        )
    cold, warm = totals["cold"], totals["warm"]
    print(
        f"{'all requests (ms)':62} {'':>7} {statistics.median(cold):>9.1f} {statistics.quantiles(cold, n=20)[18]:>9.1f} "
        f"{'':>8} {statistics.median(warm):>9.1f} {statistics.quantiles(warm, n=20)[18]:>9.1f}"
    )


def main():
    reset_database()
    import django

    django.setup()
    from django.db import connection

    start = time.perf_counter()
    factor_slug = build(STORIES)
    print(
        f"Database: {connection.vendor}; generated {STORIES} stories in {time.perf_counter() - start:.1f} s; {REPEAT} requests per URL."
    )
    measure(factor_slug)


if __name__ == "__main__":
    main()
