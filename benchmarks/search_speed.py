"""Search speed on generated Dutch corpora of 1k, 10k and 100k documents.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_search_bench \\
        .venv/bin/python benchmarks/search_speed.py --sizes 1000 10000 100000
    DATABASE_URL=sqlite:////tmp/search_bench.sqlite3 .venv/bin/python benchmarks/search_speed.py

THE DATABASE IS WIPED: use a database of its own. For every size it
1. rebuilds the embedded index in a child process (wall time and peak RSS of that process:
   the rebuild streams documents in batches, so memory should not grow with the corpus);
2. indexes the same rows in Wagtail's stock database search backend (a proxy model);
3. times each query (mix of common words, synonyms, typos, compounds, acronyms) several times:
   - `search.service.search(q)` with facet counts and highlighted snippets (page of 10),
   - Wagtail's stock database search on the same corpus (first 10 results, no facets, no highlights),
   - the bare full-text query (FTS5 MATCH / tsvector @@, top 10 by rank) without anything else,
and prints p50/p95 in milliseconds as Markdown, with the load average of the machine.
4. compares the service's top 10 with the exact ranking of every match (the same ranking with
   no bound on the work, `EXACT_LIMIT` lifted): overlap@10, per query and at least/mean per size.

The semantic layer is off here (SEARCH_EMBEDDING_MODEL=""; see benchmarks/search_hybrid_speed.py).

Documents are generated from a realistic vocabulary: the Dutch seed texts' words (../shared/seeds
or the demo content) and compounds of them, about 200,000 distinct words with Zipf frequencies
(`realistic_vocabulary`; `--seed-vocabulary` for the seeds' 7,500 words alone, as the corpora
measured before December 2026), with municipalities, provinces, themes and life stages as facets.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cop_site.settings.dev")
# Lexical search only: embedding a generated corpus costs 0.26–0.47 s a document (hours at 100k).
# The semantic layer's own cost is measured by benchmarks/search_hybrid_speed.py.
os.environ.setdefault("SEARCH_EMBEDDING_MODEL", "")

QUERIES = [
    "jongeren",
    "ouders school",
    "tienermoeders",
    "spijbelen",
    "centering pregancy",
    "ouder kindcoach",
    "sociaal-emotioneel",
    "wijkteam jongeren gemeente",
    "jit",
    "zwangerschap begeleiding",
    "opvoedingsondersteuning",
    "jeugdhulp preventie wijk",
]
MUNICIPALITIES = [
    ("Zwolle", "Overijssel"),
    ("Tilburg", "Noord-Brabant"),
    ("Papendrecht", "Zuid-Holland"),
    ("Kerkrade", "Limburg"),
    ("Huizen", "Noord-Holland"),
    ("Eindhoven", "Noord-Brabant"),
    ("Oss", "Noord-Brabant"),
    ("Sliedrecht", "Zuid-Holland"),
    ("Het Hogeland", "Groningen"),
    ("Rotterdam", "Zuid-Holland"),
    ("Leiden", "Zuid-Holland"),
    ("Dordrecht", "Zuid-Holland"),
    ("Dronten", "Flevoland"),
    ("Apeldoorn", "Gelderland"),
    ("Diemen", "Noord-Holland"),
    ("Schiedam", "Zuid-Holland"),
    ("Hilversum", "Noord-Holland"),
    ("Utrecht", "Utrecht"),
    ("Assen", "Drenthe"),
    ("Leeuwarden", "Friesland"),
    ("Middelburg", "Zeeland"),
    ("Almere", "Flevoland"),
]
THEMES = [
    "schooluitval",
    "opvoeding",
    "zwangerschap",
    "jongerenwerk",
    "armoede",
    "eigen kracht",
    "wijkteam",
    "sociaal-emotionele ontwikkeling",
    "alcohol en drugs",
    "mediawijsheid",
    "pesten",
    "echtscheiding",
    "ouderbetrokkenheid",
    "vroegsignalering",
    "18-/18+",
    "jeugdgezondheidszorg",
    "talentontwikkeling",
]
LIFE_STAGES = ["Zwangerschap en geboorte", "0–4 jaar", "4–12 jaar", "12–18 jaar", "18–23 jaar", "Ouders"]
TYPES = ["story", "story", "story", "method", "publication", "tip"]
DOMAIN_TERMS = [
    "tienermoeder",
    "schoolverzuim",
    "ouder- en kindcoach",
    "CenteringPregnancy",
    "Triple P",
    "JIT",
    "sociaal-emotioneel",
    "wijkteam",
    "buurtteam",
    "jeugdsoos",
    "VoorZorg",
    "thuiszitters",
    "VSV",
    "zelfredzaamheid",
    "vindplaatsgericht",
    "ouderkindcoaches",
    "schuldhulpverlening",
    "zwerfjongeren",
]


def word_frequencies():
    """Words and their frequencies from the Dutch seed texts (or the demo content)."""
    from search.analysis import TOKEN_RE

    sources = sorted((ROOT.parent.parent / "shared" / "seeds").glob("*.txt"))
    sources += sorted(Path("/work/shared/seeds").glob("*.txt"))
    if not sources:
        sources = sorted((ROOT / "practices").glob("demo*.py"))
    counts = Counter()
    for source in sources:
        counts.update(word for word in TOKEN_RE.findall(source.read_text(errors="ignore").lower()) if len(word) > 1)
    words = [word for word, count in counts.most_common(20_000) if not word.isdigit()]
    return words, [counts[word] for word in words]


# Distinct words of a realistic vocabulary: a Dutch corpus of this size (100,000 stories,
# methods and publications) has about 200,000, most of them compounds and inflections seen once
# or twice; the seed texts alone give about 7,500.
REALISTIC_WORDS = 200_000
ZIPF_EXPONENT = 1.07
LINKS = ("", "", "", "s", "en")
ENDINGS = ("", "", "en", "s", "e", "je", "tje", "er", "ing")


def realistic_vocabulary(distinct=REALISTIC_WORDS, seed=7):
    """(words, cumulative weights): the seed texts' words in their own order, then compounds of
    two of their content words (`jeugd` + `s` + `aanbod`) with Dutch endings, until `distinct`
    words; weights by Zipf's law over that order (rank r weighs 1 / r^1.07).

    Why: the typo vocabulary, the impact lists and the index grow with the number of distinct
    words, which a corpus drawn from the seeds' 7,500 words hides (issue #17)."""
    from search.analysis import STOP_WORDS

    words, _ = word_frequencies()
    parts = [word for word in words[:6000] if word not in STOP_WORDS and 3 < len(word) < 12]
    rng = random.Random(seed)
    vocabulary = list(dict.fromkeys(words))
    known = set(vocabulary)
    while len(vocabulary) < distinct:
        word = rng.choice(parts) + rng.choice(LINKS) + rng.choice(parts) + rng.choice(ENDINGS)
        if len(word) <= 40 and word not in known:
            known.add(word)
            vocabulary.append(word)
    cumulative, total = [], 0.0
    for rank in range(1, len(vocabulary) + 1):
        total += 1.0 / rank**ZIPF_EXPONENT
        cumulative.append(total)
    return vocabulary, cumulative


def generate(size, seed=20261123, vocabulary="realistic"):
    """`size` SearchDocuments, produced lazily so the corpus is never in memory at once.
    `vocabulary`: "realistic" (Zipf over 200,000 words with compounds) or "seeds" (the seed
    texts' 7,500 words, as the corpora measured before December 2026)."""
    from search.analysis import STOP_WORDS
    from search.documents import SearchDocument

    if vocabulary == "realistic":
        words, cumulative = realistic_vocabulary()
        weights = None
    else:
        words, weights = word_frequencies()
        cumulative = None
    content_words = [word for word in words[:6000] if word not in STOP_WORDS and len(word) > 3]
    rng = random.Random(seed)
    for number in range(size):
        municipality, province = rng.choice(MUNICIPALITIES)
        title_words = rng.sample(content_words, rng.randint(3, 7))
        if rng.random() < 0.3:
            title_words.insert(rng.randint(0, len(title_words)), rng.choice(DOMAIN_TERMS))
        body_words = rng.choices(words, weights=weights, cum_weights=cumulative, k=rng.randint(150, 450))
        for _ in range(rng.randint(0, 4)):
            body_words.insert(rng.randint(0, len(body_words)), rng.choice(DOMAIN_TERMS))
        sentences, position = [], 0
        while position < len(body_words):
            length = rng.randint(8, 20)
            sentence = " ".join(body_words[position : position + length])
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
            position += length
        summary_words = rng.choices(words, weights=weights, cum_weights=cumulative, k=rng.randint(20, 40))
        type_ = rng.choice(TYPES)
        yield SearchDocument(
            key=f"bench.Document:{number}",
            type=type_,
            title=" ".join(title_words).capitalize()[:200],
            url=f"/bench/{number}/",
            summary=" ".join(summary_words).capitalize() + ".",
            body=" ".join(sentences),
            municipality=municipality if type_ == "story" else "",
            province=province if type_ == "story" else "",
            facets={
                "theme": rng.sample(THEMES, rng.randint(1, 3)),
                "life_stage": rng.sample(LIFE_STAGES, rng.randint(1, 2)),
            },
        )


def batches(iterable, size=500):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def setup_django():
    """Like production: DEBUG off, so Django does not keep every SQL statement in memory."""
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False


def peak_rss_kb():
    """This process's own peak RSS. (ru_maxrss would include the parent's peak at fork.)"""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def rebuild_child(size, vocabulary="realistic"):
    """Runs in a child process: rebuild the embedded index with `size` documents."""
    setup_django()
    from search.backends import get_backend

    before = peak_rss_kb()
    started = time.perf_counter()
    get_backend().rebuild(batches(generate(size, vocabulary=vocabulary)))
    seconds = time.perf_counter() - started
    peak = peak_rss_kb()
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak / 1024, "startup_rss_mb": before / 1024}))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(function, query, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(query)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-wagtail-above", type=int, default=10**9, help="skip Wagtail's stock index above N")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the corpus (and Wagtail's index of it) when the index already holds exactly N documents",
    )
    parser.add_argument(
        "--without-head-candidates",
        action="store_true",
        help="PostgreSQL: rank broad queries without the head candidates (HEAD_POOL 0), for a before/after",
    )
    parser.add_argument(
        "--seed-vocabulary",
        action="store_true",
        help="generate documents from the seed texts' 7,500 words (the corpora before December 2026)",
    )
    parser.add_argument("--rebuild-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    vocabulary = "seeds" if args.seed_vocabulary else "realistic"
    if args.rebuild_child:
        return rebuild_child(args.rebuild_child, vocabulary)

    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.search import index
    from wagtail.search.backends import get_search_backend

    from search import service
    from search.analysis import stem, tokens
    from search.backends import get_backend
    from search.backends.database import FTS_TABLE
    from search.models import IndexEntry

    class BenchEntry(index.Indexed, IndexEntry):
        search_fields = [
            index.SearchField("title", boost=10),
            index.SearchField("summary", boost=4),
            index.SearchField("body"),
        ]

        class Meta:
            proxy = True
            app_label = "search"

    # Wagtail adds this relation to indexed models when apps load; this model comes later.
    from modelsearch.abstract_models import TextIDGenericRelation
    from wagtail.search.models import IndexEntry as StockIndexEntry

    TextIDGenericRelation(StockIndexEntry).contribute_to_class(BenchEntry, "index_entries")

    call_command("migrate", verbosity=0)
    wagtail_backend = get_search_backend()
    vendor = connection.vendor

    def bare(query):
        words = [word for word in tokens(query)]
        if not words:
            return []
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute(
                    "SELECT id FROM search_indexentry, plainto_tsquery('dutch', %s) q WHERE search_vector @@ q"
                    " ORDER BY ts_rank(search_vector, q) DESC LIMIT 10",
                    [query],
                )
            else:
                expression = " AND ".join('"' + stem(word) + '"' for word in words)
                cursor.execute(
                    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY bm25({FTS_TABLE}) LIMIT 10",
                    [expression],
                )
            return cursor.fetchall()

    def ours(query):
        return service.search(query, page_size=10)

    from search.backends import database as database_backend

    if args.without_head_candidates:
        database_backend.HEAD_POOL = 0

    def exact_top10(query):
        """The top 10 when every match is ranked (the bound lifted): the reference for overlap@10."""
        bound = database_backend.EXACT_LIMIT
        database_backend.EXACT_LIMIT = 10**9
        try:
            return [result.key for result in service.search(query, page_size=10).results]
        finally:
            database_backend.EXACT_LIMIT = bound

    def stock(query):
        return list(wagtail_backend.search(query, BenchEntry.objects.all())[:10])

    variant = ", without head candidates" if args.without_head_candidates else ""
    print(f"## Search speed ({vendor}{variant}), {args.repeat} runs × {len(QUERIES)} queries per size\n")
    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}\n".format(*os.getloadavg()))
    rows, query_rows = [], []
    for size in args.sizes:
        reused = args.reuse and IndexEntry.objects.count() == size
        if reused:
            rebuild = None
        else:
            child = subprocess.run(
                [sys.executable, __file__, "--rebuild-child", str(size)]
                + (["--seed-vocabulary"] if args.seed_vocabulary else []),
                capture_output=True,
                text=True,
                check=True,
            )
            rebuild = json.loads(child.stdout.strip().splitlines()[-1])
        from search.models import TermImpact

        lists_seconds = None
        if reused and not TermImpact.objects.exists():
            # A corpus built before the impact lists existed: build them from the index as it stands.
            started = time.perf_counter()
            get_backend("database").rebuild_impact_lists()
            lists_seconds = time.perf_counter() - started
        wagtail_seconds = None
        if reused and size <= args.no_wagtail_above:
            wagtail_seconds = 0.0  # indexed by the run that built this corpus
        elif size <= args.no_wagtail_above:
            started = time.perf_counter()
            wagtail_backend.reset_indexes()
            for chunk in batches(BenchEntry.objects.order_by("id").iterator(chunk_size=1000), 1000):
                wagtail_backend.add_bulk(BenchEntry, chunk)
            wagtail_seconds = time.perf_counter() - started
        for query in QUERIES:  # warm caches (vocabulary, synonyms, page cache) once
            ours(query)
        ours_label = f"search service, {get_backend().name} (facets + highlights)"
        timings = {ours_label: [], "bare full-text query": []}
        if wagtail_seconds is not None:
            timings["Wagtail stock database search"] = []
        per_query, overlaps = [], []
        for query in QUERIES:
            query_timings = timed(ours, query, args.repeat)
            timings[ours_label] += query_timings
            answer = ours(query)
            exact = exact_top10(query)
            overlap = len(set(exact) & {result.key for result in answer.results})
            overlaps.append(overlap)
            per_query.append(
                f"| {size:,} | `{query}` | {answer.total:,}{' (estimate)' if answer.approximate else ''} "
                f"| {statistics.median(query_timings):.1f} | {overlap} of {len(exact)} |"
            )
            timings["bare full-text query"] += timed(bare, query, args.repeat)
            if wagtail_seconds is not None:
                timings["Wagtail stock database search"] += timed(stock, query, args.repeat)
        for engine, values in timings.items():
            overlap = f"{min(overlaps)} / {statistics.mean(overlaps):.1f}" if engine == ours_label else ""
            rows.append(
                f"| {size:,} | {engine} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} | {overlap} |"
            )
        list_rows = TermImpact.objects.count()
        list_words = TermImpact.objects.values("term").distinct().count()
        built = f", built from the index in {lists_seconds:.1f} s" if lists_seconds is not None else ""
        rows.append(f"| {size:,} | impact lists | {list_rows:,} rows for {list_words:,} words{built} | | |")
        if reused:
            rows.append(f"| {size:,} | rebuild | not run (--reuse) | | |")
        else:
            rows.append(
                f"| {size:,} | rebuild | {rebuild['seconds']:.1f} s | peak RSS {rebuild['peak_rss_mb']:.0f} MB "
                f"(startup {rebuild['startup_rss_mb']:.0f} MB)"
                + (f"; Wagtail index {wagtail_seconds:.1f} s" if wagtail_seconds is not None else "")
                + " | |"
            )
        query_rows += per_query
        print(f"size {size:,} done", file=sys.stderr)
    print("| documents | engine | p50 ms | p95 ms | overlap@10 with exact ranking (least / mean) |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    print("\nSearch service per query:\n")
    print("| documents | query | matches | p50 ms | overlap@10 |")
    print("|---|---|---|---|---|")
    print("\n".join(query_rows))
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
