"""Broad queries are rightly ranked: their top 10 is that of ranking every match exactly.

A generated corpus of 200 documents with the limits lowered (EXACT_LIMIT 40, impact lists of
40 documents) so that common words take the bounded path (search/impacts.py). The reference is
the same search with the bound lifted. Runs on SQLite and on PostgreSQL (two ranking functions,
two impact formulas).
"""

import datetime
import json
import random

import pytest
from django.db import connection

from search import impacts, service
from search.analysis import stem
from search.backends import database
from search.documents import SearchDocument
from search.models import IndexEntry, TermImpact
from search.query import parse

pytestmark = pytest.mark.django_db

COMMON = ["jongeren", "ouders", "school", "gemeente", "wijkteam", "opvoeding", "gezin", "vrijwilligers"]
FILLER = [f"woord{letter}{number}" for letter in "abcdefgh" for number in range(40)]
SIZE = 200


def generated_document(number, rng):
    """Common words in the title now and then, in summary and body often, at random."""
    title = rng.sample(FILLER, 4) + rng.sample(COMMON, rng.choice([0, 0, 0, 1, 2]))
    summary = rng.choices(FILLER, k=12) + rng.choices(COMMON, k=rng.randint(0, 3))
    body = rng.choices(FILLER, k=rng.randint(40, 200)) + rng.choices(COMMON, k=rng.randint(1, 12))
    rng.shuffle(title), rng.shuffle(summary), rng.shuffle(body)
    return SearchDocument(
        key=f"test.Generated:{number}",
        type="story" if number % 3 else "method",
        title=" ".join(title).capitalize(),
        url=f"/test/{number}/",
        summary=" ".join(summary),
        body=" ".join(body),
        # Older and newer halves are told apart by a facet: a sample of either end would show.
        municipality="Zwolle" if number < SIZE // 2 else "Tilburg",
        date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        boost=1.5 if number % 17 == 0 else 1.0,
    )


@pytest.fixture
def lowered_limits(monkeypatch, synonyms):
    monkeypatch.setattr(database, "EXACT_LIMIT", 40)
    monkeypatch.setattr(database, "RANK_POOL", 20)
    monkeypatch.setattr(impacts, "LIST_LENGTH", 40)
    monkeypatch.setattr(impacts, "LIST_MIN_DOCUMENTS", 40)
    monkeypatch.setattr(database, "FACET_SAMPLE", 40)
    monkeypatch.setattr(database, "HEAD_POOL", 20)


@pytest.fixture
def generated_corpus(lowered_limits):
    rng = random.Random(17)
    documents = [generated_document(number, rng) for number in range(SIZE)]
    database.DatabaseBackend().rebuild([documents[:120], documents[120:]])
    return documents


def top10(query, **kwargs):
    return [result.key for result in service.search(query, page_size=10, **kwargs).results]


def exact_top10(query, monkeypatch, **kwargs):
    with monkeypatch.context() as patch:
        patch.setattr(database, "EXACT_LIMIT", 10**9)
        return top10(query, **kwargs)


@pytest.mark.parametrize("query", ["jongeren", "ouders", "opvoeding"])
def test_broad_one_word_query_has_the_exact_top_10(generated_corpus, monkeypatch, query):
    results = service.search(query, page_size=10)
    assert results.approximate, "the bounded path must be taken"
    assert top10(query) == exact_top10(query, monkeypatch)


@pytest.mark.parametrize(
    "query", ["jongeren school", "wijkteam jongeren gemeente", "opvoeding gezin", "gezin vrijwilligers school"]
)
def test_broad_query_of_several_words_has_the_exact_top_10(generated_corpus, monkeypatch, query):
    """bm25 (SQLite) adds up per word, so the per-word lists bound its top 10: exact. ts_rank
    (PostgreSQL) ranks several words by how close together they stand, in short documents:
    the entries with two query words in their title and summary that rank highest there join
    the candidates (`_head_matches`). This corpus puts the common words mostly in the body,
    where no bounded candidate set sees every close pair: at least 9 of 10 (at 100,000
    generated documents 10 of 10: BENCHMARKS.md, "Search")."""
    results = service.search(query, page_size=10)
    assert results.approximate, "the bounded path must be taken"
    exact = exact_top10(query, monkeypatch)
    if connection.vendor == "postgresql":
        assert len(set(top10(query)) & set(exact)) >= 9
    else:
        assert top10(query) == exact


def test_without_the_head_candidates_several_words_would_miss(postgres_only, generated_corpus, monkeypatch):
    """The corpus is a fair test of the head candidates: per-word lists alone miss."""
    monkeypatch.setattr(database, "HEAD_POOL", 0)
    misses = [
        query
        for query in ["jongeren school", "wijkteam jongeren gemeente", "opvoeding gezin", "gezin vrijwilligers school"]
        if top10(query) != exact_top10(query, monkeypatch)
    ]
    assert misses


@pytest.mark.parametrize(
    ("tsquery", "proximity"),
    [
        ("'ouder' & 'schol' | 'oudersschol'", False),
        ("'center' & ( 'pregancy' | 'pregnancy' )", True),
        ("( 'wijkteam' & 'jonger' | 'wijkteamjonger' ) & 'gemeent'", True),
        ("'zwangerschap' & 'begeleid'", True),
        ("'jonger' <-> 'gemeent'", True),
        ("'jonger'", False),
        ("'o''neill | x' & 'y'", True),
        ("'o''neill & x' | 'y'", False),
    ],
)
def test_ts_rank_ranks_by_proximity_only_under_an_and_at_the_top(tsquery, proximity):
    """PostgreSQL's calc_rank picks proximity (calc_rank_and) or a per-word sum (calc_rank_or)
    by the query's top operator; quoted lexemes and parentheses do not count."""
    assert database.ranks_by_proximity(tsquery) is proximity


def head_statements(captured):
    return [query["sql"] for query in captured.captured_queries if "head_vector @@" in query["sql"]]


def test_a_query_ranked_as_a_sum_takes_its_head_candidates_from_heads_with_a_word_in_the_title(
    postgres_only, generated_corpus, monkeypatch
):
    """`jongeren school` is a pair or its compound (an OR at the top): ts_rank adds up its
    words, and a word in the title outweighs the summary, so only heads with a query word in
    the title are read, with the same top 10. `wijkteam jongeren gemeente` (an AND at the top,
    ranked by proximity) still reads every head with two of its words."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as summed:
        assert service.search("jongeren school", page_size=10).approximate
    [statement] = head_statements(summed)
    assert "title_vector @@" in statement
    exact = exact_top10("jongeren school", monkeypatch)
    assert top10("jongeren school") == exact
    with monkeypatch.context() as patch:
        patch.setattr(database, "ranks_by_proximity", lambda tsquery: True)
        assert top10("jongeren school") == exact, "every head read: the same top 10"

    with CaptureQueriesContext(connection) as proximity:
        assert service.search("wijkteam jongeren gemeente", page_size=10).approximate
    [statement] = head_statements(proximity)
    assert "title_vector @@" not in statement


def plan_of(sql):
    """EXPLAIN ANALYZE of one captured statement (its parameters bound), as PostgreSQL's plan."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
    return (plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]


def heap_scans(node):
    """(ran, scan) for every scan of the table in a plan: ran is False for a branch PostgreSQL
    cut by a one-time condition."""
    found = [(node["Actual Loops"] > 0, node)] if node["Node Type"].endswith("Heap Scan") else []
    for child in node.get("Plans", []):
        found += heap_scans(child)
    return found


def head_candidates(query, **changes):
    backend = database.DatabaseBackend()
    match = {**backend._match(parse(query)), **changes}
    with connection.cursor() as cursor:
        return backend._head_matches(cursor, match, "", [])


def test_the_bound_of_a_head_with_each_word_once_in_the_summary_holds_and_is_tight(postgres_only):
    """likely_heads_bound is what ts_rank gives two words side by side in the summary (the best
    such a head can do), and more than it gives them further apart."""
    bound = database.likely_heads_bound("'jonger' & 'gemeent'")
    scores = []
    with connection.cursor() as cursor:
        for summary in [
            "jongeren gemeente",
            "gemeente en jongeren",
            "jongeren in de gemeente",
            "jongeren a b c gemeente",
        ]:
            cursor.execute(
                "SELECT ts_rank(setweight(to_tsvector('dutch', %s), 'B'), %s::tsquery, 0)",
                [summary, "'jonger' & 'gemeent'"],
            )
            scores.append(cursor.fetchone()[0])
    assert scores[0] <= bound < scores[0] * 1.001
    assert scores == sorted(scores, reverse=True) and scores[-1] < scores[0]
    # Only for two words ranked by proximity: three words or a sum have no such bound.
    assert database.likely_heads_bound("'jonger' & 'gemeent' & 'wijk'") is None
    assert database.likely_heads_bound("'ouder' & 'schol' | 'oudersschol'") is None


@pytest.mark.parametrize(
    "query", ["jongeren gemeente", "gemeente vrijwilligers", "ouders gemeente", "vrijwilligers jongeren"]
)
def test_a_query_of_two_common_words_has_the_same_head_candidates_as_when_every_head_is_read(
    postgres_only, generated_corpus, monkeypatch, query
):
    """Ranking first the heads with a query word in the title or twice, and the others only when
    those do not prove to be the best: the same candidates in the same order as ranking every
    head, and so the same top 10."""
    from django.test.utils import CaptureQueriesContext

    assert database.DatabaseBackend()._match(parse(query))["head_likely_bound"]
    likely = head_candidates(query)
    assert likely and likely == head_candidates(query, head_likely_bound=None)
    with CaptureQueriesContext(connection) as captured:
        found = top10(query)
    assert [q for q in captured.captured_queries if "search_strong_head_words(head_vector)" in q["sql"]]
    with monkeypatch.context() as patch:
        patch.setattr(database, "likely_heads_bound", lambda tsquery: None)
        assert top10(query) == found


def test_heads_with_each_word_once_in_the_summary_are_not_read_when_the_others_prove_best(
    postgres_only, generated_corpus, monkeypatch
):
    """Five short documents with both words in the title top the heads of `jongeren gemeente`:
    with a pool of 3 the proof holds and PostgreSQL never runs the branch that reads every head.
    With a pool larger than the heads with a title word or a repeated word it cannot hold, and
    every head is read."""
    from django.test.utils import CaptureQueriesContext

    database.DatabaseBackend().index(
        SearchDocument(
            key=f"test.Generated:{900 + number}",
            type="story",
            title=f"Jongeren gemeente woordh{number}",
            url=f"/test/{900 + number}/",
            summary="woorda1 woordb2",
            body="woordc3",
        )
        for number in range(5)
    )
    titled = set(IndexEntry.objects.filter(key__startswith="test.Generated:90").values_list("id", flat=True))
    monkeypatch.setattr(database, "HEAD_POOL", 3)
    with CaptureQueriesContext(connection) as captured:
        assert set(head_candidates("jongeren gemeente")) <= titled
    [statement] = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("WITH likely")]
    scans = heap_scans(plan_of(statement))
    likely = [ran for ran, scan in scans if "search_strong_head_words" in scan["Recheck Cond"]]
    every = [ran for ran, scan in scans if "search_strong_head_words" not in scan["Recheck Cond"]]
    assert likely == [True] and every == [False], "every head: not read"
    monkeypatch.setattr(database, "HEAD_POOL", SIZE + 10)
    with CaptureQueriesContext(connection) as captured:
        assert head_candidates("jongeren gemeente") == head_candidates("jongeren gemeente", head_likely_bound=None)
    statement = next(q["sql"] for q in captured.captured_queries if q["sql"].startswith("WITH likely"))
    scans = heap_scans(plan_of(statement))
    assert len(scans) == 2 and all(ran for ran, _ in scans), "no proof: every head read"


def test_publishing_keeps_the_head_candidates_up_to_date(postgres_only, generated_corpus, monkeypatch):
    """A short new document with the words together in its summary tops a query of several
    words: indexing one entry fills its head vector and rank ceiling, as a rebuild does."""
    newest = SearchDocument(
        key="test.Generated:998",
        type="story",
        title="Woorda1 woordb2",
        url="/test/998/",
        summary="Opvoeding gezin opvoeding gezin.",
        body="woordc3 opvoeding gezin",
    )
    database.DatabaseBackend().index([newest])
    entry = IndexEntry.objects.get(key=newest.key)
    assert entry.rank_ceiling and entry.head_vector
    assert top10("opvoeding gezin")[0] == newest.key
    assert top10("opvoeding gezin") == exact_top10("opvoeding gezin", monkeypatch)


def test_a_clearly_broad_query_skips_the_probe_of_its_first_matches(postgres_only, generated_corpus, monkeypatch):
    """When the planner estimates a query at CLEARLY_BROAD times EXACT_LIMIT matches and the
    facet sample confirms it, the first EXACT_LIMIT + 1 matches are not read: same top 10,
    total and facets as with the probe."""
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(database, "CLEARLY_BROAD", 2)
    with CaptureQueriesContext(db) as skipped:
        fast = service.search("jongeren", page_size=10)
    assert fast.approximate
    assert not [q for q in skipped.captured_queries if q["sql"].endswith(f"LIMIT {database.EXACT_LIMIT + 1}")]
    monkeypatch.setattr(database, "CLEARLY_BROAD", 0)
    with CaptureQueriesContext(db) as probed:
        slow = service.search("jongeren", page_size=10)
    assert [q for q in probed.captured_queries if q["sql"].endswith(f"LIMIT {database.EXACT_LIMIT + 1}")]
    assert [r.key for r in fast.results] == [r.key for r in slow.results]
    assert (fast.total, fast.facets) == (slow.total, slow.facets)


def test_a_wrong_estimate_of_broadness_falls_back_to_the_exact_answer(postgres_only, generated_corpus, monkeypatch):
    """Words the planner thinks common but the index holds few of: the sample does not confirm
    the estimate, so the query is probed and, having few matches, ranked exactly."""
    query = "woorda1 woordb2"
    exact = service.search(query, page_size=50)
    assert 0 < exact.total <= database.EXACT_LIMIT and not exact.approximate
    monkeypatch.setattr(database, "CLEARLY_BROAD", 2)
    monkeypatch.setattr(database, "could_be_broad", lambda parsed: True)
    monkeypatch.setattr(database.DatabaseBackend, "_estimated_total", lambda *args: 10**6)
    misjudged = service.search(query, page_size=50)
    assert not misjudged.approximate and misjudged.total == exact.total
    assert [r.key for r in misjudged.results] == [r.key for r in exact.results]


def test_the_planner_is_asked_only_when_the_words_could_make_the_query_broad(
    postgres_only, generated_corpus, monkeypatch
):
    """A query of words that few entries hold (by the vocabulary's counts) cannot be clearly
    broad: no EXPLAIN for it. A common word is still estimated, and skips the probe."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(database, "CLEARLY_BROAD", 2)
    service.search("woorda1 woordb2")  # the words' counts are read once per process
    with CaptureQueriesContext(connection) as narrow:
        assert not service.search("woorda1 woordb2").approximate
    assert not [query for query in narrow.captured_queries if query["sql"].startswith("EXPLAIN")]
    with CaptureQueriesContext(connection) as broad:
        assert service.search("jongeren").approximate
    assert [query for query in broad.captured_queries if query["sql"].startswith("EXPLAIN")]
    assert not [q for q in broad.captured_queries if q["sql"].endswith(f"LIMIT {database.EXACT_LIMIT + 1}")]


class CountingVocabulary:
    def __init__(self, counts):
        self.counts = counts

    def document_count(self, word):
        return self.counts.get(word, 0)


@pytest.mark.parametrize(
    ("counts", "broad"),
    [
        ({"ouders": 9000, "school": 5000}, True),
        ({"ouders": 9000, "school": 3000}, False),  # AND: the rarer clause bounds it
        ({"ouders": 9000, "school": 3000, "oudersschool": 1500}, True),  # an alternative adds up
        ({"ouders": 2000, "school": 2000, "oudersschool": 1000}, False),
    ],
)
def test_a_query_could_be_broad_only_when_its_words_counts_allow_it(counts, broad, monkeypatch):
    from search.query import Clause, ParsedQuery

    monkeypatch.setattr(database, "vocabulary", lambda: CountingVocabulary(counts))
    pair = ParsedQuery(
        text="ouders school",
        clauses=[Clause(("ouders", "school"), [("ouders", "school"), ("oudersschool",)])],
    )
    assert database.could_be_broad(pair) is broad
    assert database.CLEARLY_BROAD * database.EXACT_LIMIT == 4000


def test_the_first_matches_alone_would_not_do(generated_corpus, monkeypatch):
    """The corpus is a fair test: the exact top 10 is spread over old and new documents."""
    numbers = [int(key.split(":")[1]) for key in exact_top10("jongeren", monkeypatch)]
    assert min(numbers) < 60 and max(numbers) > 140


def test_lists_keep_only_the_documents_where_a_word_weighs_most(generated_corpus):
    jongeren = list(TermImpact.objects.filter(term=stem("jongeren")).order_by("-impact"))
    assert len(jongeren) == 40
    titles = [entry.title for entry in IndexEntry.objects.filter(id__in=[row.entry_id for row in jongeren[:5]])]
    assert all("jongeren" in title.lower() for title in titles), "a word in the title weighs most"


def test_publishing_a_document_where_the_word_weighs_most_puts_it_on_top(generated_corpus, monkeypatch):
    newest = SearchDocument(
        key="test.Generated:999",
        type="story",
        title="Jongeren en jongeren",
        url="/test/999/",
        summary="Jongeren.",
        body="jongeren " * 5,
        boost=2.0,
    )
    database.DatabaseBackend().index([newest])
    assert top10("jongeren")[0] == newest.key
    assert top10("jongeren") == exact_top10("jongeren", monkeypatch)
    assert TermImpact.objects.filter(term=stem("jongeren")).count() == 40, "the list stays bounded"

    database.DatabaseBackend().delete([newest.key])
    assert newest.key not in top10("jongeren")
    assert top10("jongeren") == exact_top10("jongeren", monkeypatch)


def test_filters_keep_the_exact_top_10(generated_corpus, monkeypatch):
    query, filters = "jongeren", {"type": ["story"]}
    assert service.search(query, filters).approximate
    assert top10(query, filters=filters) == exact_top10(query, monkeypatch, filters=filters)


def test_facet_counts_come_from_a_sample_of_the_whole_index(generated_corpus, monkeypatch):
    results = service.search("jongeren")
    assert results.approximate
    with monkeypatch.context() as patch:
        patch.setattr(database, "EXACT_LIMIT", 10**9)
        exact = dict(service.search("jongeren").facets["municipality"])
    estimated = dict(results.facets["municipality"])
    assert set(estimated) == {"Zwolle", "Tilburg"}, "old and new documents are both sampled"
    for municipality, count in exact.items():
        assert estimated[municipality] == pytest.approx(count, rel=0.25)


@pytest.mark.parametrize("query", ["jongeren", "wijkteam jongeren gemeente"])
def test_a_very_common_query_samples_its_windows_rows_instead_of_every_match(
    postgres_only, generated_corpus, monkeypatch, query
):
    """When the sample's windows hold few rows for the query's matches (SAMPLE_ROW_COST), they
    are read by the primary key and tested one by one, instead of intersected with every match
    the GIN index lists: the same sample, so the same facet counts, total and top 10."""
    from django.test.utils import CaptureQueriesContext

    def sampled(row_cost):
        monkeypatch.setattr(database, "SAMPLE_ROW_COST", row_cost)
        with CaptureQueriesContext(connection) as captured:
            results = service.search(query, page_size=10)
        assert results.approximate
        windows = [q["sql"] for q in captured.captured_queries if "BETWEEN" in q["sql"]]
        return results, windows

    by_rows, windows = sampled(1)  # the windows hold fewer rows than the matches
    assert windows and all("OFFSET 0" in sql for sql in windows)
    by_index, windows = sampled(0)
    assert windows and not any("OFFSET 0" in sql for sql in windows)
    assert (by_rows.total, by_rows.facets) == (by_index.total, by_index.facets)
    assert [r.key for r in by_rows.results] == [r.key for r in by_index.results]
    monkeypatch.setattr(database, "SAMPLE_ROW_COST", 10**6)  # windows as large as the index
    assert not database.DatabaseBackend._sample_by_rows({"tsquery": "'jonger'"}, 100, 190)


def test_the_facet_sample_reads_its_id_range_from_the_entries_not_the_full_text_table(generated_corpus):
    """min/max over the FTS5 table read every row of it (90 ms at 100,000 documents); the
    entries' primary key answers at once, with the same ids."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert service.search("jongeren").approximate
    bounds = [query["sql"] for query in queries.captured_queries if "min(" in query["sql"]]
    assert bounds and all(database.FTS_TABLE not in sql for sql in bounds)


def test_lists_can_be_built_from_the_index_as_it_stands(generated_corpus, monkeypatch):
    """`search_index --impact-lists`: after the upgrade, without a rebuild, the same lists."""
    from django.core.management import call_command

    built_by_rebuild = set(TermImpact.objects.values_list("term", "entry_id"))
    TermImpact.objects.all().delete()
    call_command("search_index", "--impact-lists", stdout=open("/dev/null", "w"))
    assert set(TermImpact.objects.values_list("term", "entry_id")) == built_by_rebuild
    assert top10("jongeren") == exact_top10("jongeren", monkeypatch)
