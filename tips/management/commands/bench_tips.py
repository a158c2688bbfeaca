"""Measure the tip library and round processing at realistic and larger sizes.

    python manage.py bench_tips [--sizes 30,1000,5000] [--repeat 30]

Runs inside a transaction that is rolled back, so the database is left as it was. Needs the
demo content (a community and the library page). Prints p50/p95 and query counts.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from tips import services
from tips.models import Community, Round, Tip, TipLibraryPage, TipVersion


class Rollback(Exception):
    pass


class QueryCounter:
    """Counts queries across requests (CaptureQueriesContext is reset by each request)."""

    def __init__(self):
        self.count = 0
        self.timings = []

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.timings.append(((time.perf_counter() - start) * 1000, sql))

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def timed(call, repeat):
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        durations.append((time.perf_counter() - start) * 1000)
    durations.sort()
    return statistics.median(durations), durations[max(0, int(len(durations) * 0.95) - 1)]


class Command(BaseCommand):
    help = "Meet de snelheid van de tipsbibliotheek en het sluiten van rondes."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="30,1000,5000")
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, sizes, repeat, **options):
        self.verbosity = options["verbosity"]
        try:
            with transaction.atomic():
                self.run([int(size) for size in sizes.split(",")], repeat)
                raise Rollback
        except Rollback:
            pass

    def run(self, sizes, repeat):
        community = Community.objects.first()
        library = TipLibraryPage.objects.live().get()
        facilitator = community.members.get(role="facilitator")
        client = Client(HTTP_HOST="localhost")
        self.stdout.write(f"database: {connection.vendor}")
        for size in sizes:
            missing = size - Tip.objects.published().count()
            if missing > 0:
                Tip.objects.bulk_create(
                    [
                        Tip(
                            community=community,
                            text=f"Benchmarktip {i}: vraag door en vat samen wat er is afgesproken.",
                            author_type="professional",
                            for_professionals=True,
                            phase=["before", "during", "after"][i % 3],
                            state=Tip.State.PUBLISHED,
                            is_toptip=i % 10 == 0,
                            published_at=timezone.now(),
                        )
                        for i in range(missing)
                    ]
                )
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE tips_tip")  # as autovacuum would after a real import
            for label, url in [
                ("homepagina (toptips)", "/"),
                ("bibliotheek", library.url),
                ("bibliotheek ?phase=during", library.url + "?phase=during&audience=professionals"),
            ]:
                client.get(url)
                with QueryCounter() as queries:
                    client.get(url)
                p50, p95 = timed(lambda url=url: client.get(url), repeat)
                self.stdout.write(
                    f"{label:<28} {size:>6} gepubliceerde tips: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  {queries.count} queries"
                )

        # A classification round the size of seed 004: 75 tips, 3 pairs.
        tips = Tip.objects.bulk_create(
            [
                Tip(community=community, text=f"Rondetip {i}", author_type="parent", state=Tip.State.DEIDENTIFIED)
                for i in range(75)
            ]
        )
        TipVersion.objects.bulk_create([TipVersion(tip=tip, number=1, text=tip.text) for tip in tips])
        Tip.objects.filter(community=community, state=Tip.State.DEIDENTIFIED).exclude(
            pk__in=[t.pk for t in tips]
        ).update(state=Tip.State.ARCHIVED)
        round_ = services.create_round(facilitator, Round.Kind.CLASSIFY, "Benchmark")
        parents = list(community.members.filter(role="parent"))[:3]
        professionals = list(community.members.filter(role="professional"))[:3]
        pairs = [services.assign_pair(facilitator, round_, p, q) for p, q in zip(parents, professionals, strict=True)]
        services.open_round(facilitator, round_)
        start = time.perf_counter()
        for pair in pairs:
            services.judge(pair.parent, round_, {tip.pk: ("during", True) for tip in tips})
        judge_ms = (time.perf_counter() - start) * 1000 / len(pairs)
        p50, p95 = timed(lambda: services.results_csv(round_), 10)
        with QueryCounter() as queries:
            start = time.perf_counter()
            services.close_round(facilitator, round_)
            close_ms = (time.perf_counter() - start) * 1000
        if self.verbosity > 1:
            for ms, sql in sorted(queries.timings, reverse=True)[:5]:
                self.stdout.write(f"  {ms:7.1f} ms  {sql[:160]}")
        self.stdout.write(f"oordeel van één koppel over 75 tips opslaan: {judge_ms:.0f} ms")
        self.stdout.write(f"CSV-export 75 tips × 3 koppels: p50 {p50:.1f} ms  p95 {p95:.1f} ms")
        self.stdout.write(f"ronde sluiten (75 tips × 3 koppels): {close_ms:.0f} ms, {queries.count} queries")
