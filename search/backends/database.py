"""The embedded backend: our own index table in the site's database.

PostgreSQL matches a weighted tsvector (`dutch` configuration, GIN index) with
plainto_tsquery('dutch', …) per alternative, ranks with ts_rank and highlights with
ts_headline. SQLite matches an FTS5 table filled with text stemmed in Python by the same
Snowball algorithm and ranks with bm25. Query parsing, synonyms, compounds and typo
correction happen before either (search/query.py), so both behave the same.

The work per query is bounded whatever the corpus size (EXACT_LIMIT below; docs/search.md,
"Broad queries").
"""

import itertools
import json
import math
import re
from collections import Counter
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Q

from .. import embeddings, impacts, vectors
from ..analysis import expand_for_index, fold, stem, stem_words, tokens
from ..highlight import START, STOP, from_markers, highlight
from ..models import IndexEntry, IndexFacet, IndexTerm
from ..results import Result, SearchResults
from ..vocabulary import changed as vocabulary_changed
from ..vocabulary import vocabulary
from .base import SearchBackend, facet_rows, keyword_text

FTS_TABLE = "search_indexentry_fts"
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
# A title that contains the whole query (every clause) outranks one that merely mentions it.
TITLE_MATCH_BONUS = 3.0
HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=' … '"
)
# The work per query is bounded. Up to EXACT_LIMIT matches are counted, faceted and ranked
# exactly. A broad query (a common word such as "jongeren" matches nearly every document) is
# ranked exactly over the candidates that can be on top: the documents where a query word
# weighs most (search/impacts.py) that match the whole query, and on PostgreSQL up to RANK_POOL
# with the whole query in the title and, for several words, the head candidates (HEAD_POOL);
# without lists, over its first RANK_POOL matches. Its total
# is estimated and its facet counts are scaled up from a sample of matches spread over the whole index.
# Filters narrow a broad query until it is exact again.
EXACT_LIMIT = 1000
RANK_POOL = 300
# Facet counts of a broad query: counted over about this many matches, scaled up to the total.
FACET_SAMPLE, SAMPLE_WINDOWS = 500, 10
# The sample's windows are sized to hold this many times FACET_SAMPLE matches by the estimate.
SAMPLE_SHARE = 1.2
# PostgreSQL: what testing one row of the sample's windows costs, in entries of the GIN index's
# word lists (measured at 100,000 documents: about 10 us against 0.15 us); 0 always uses the index.
SAMPLE_ROW_COST = 60
# PostgreSQL: a query estimated at this many times EXACT_LIMIT matches skips the probe of its
# first EXACT_LIMIT + 1 (_clearly_broad); 0 turns that off.
CLEARLY_BROAD = 4
# Broad queries of several words on PostgreSQL: the HEAD_POOL entries with at least two query
# words in their title and summary that rank highest there join the candidates (_head_matches).
HEAD_POOL = 150
# More clauses than this: any one of them in the head will do (the pairs would make a long query).
HEAD_PAIR_CLAUSES = 6
# ts_rank's default weight of the B part of a vector (the summary and keywords; the title is A, 1.0).
SUMMARY_RANK_WEIGHT = 0.4
PG_VECTOR_SQL = (
    "setweight(to_tsvector('dutch', %s), 'A') || setweight(to_tsvector('dutch', %s), 'B')"
    " || setweight(to_tsvector('dutch', %s), 'C')"
)


# After writing entries' text on PostgreSQL: their head vector (the A and B weights of the search
# vector: title, summary and keywords) and their rank ceiling, boost / log2(1 + word positions),
# the most ts_rank(…, 1) * boost can give without the title bonus (migration 0008 fills old rows).
HEAD_SQL = (
    "UPDATE search_indexentry SET head_vector = ts_filter(search_vector, '{a,b}'),"
    " rank_ceiling = boost / log(2.0, 1 + greatest(1, (SELECT sum(coalesce(array_length(positions, 1), 1))"
    " FROM unnest(search_vector))))::float8"
    " WHERE id = ANY(%s)"
)


def is_postgres():
    return connection.vendor == "postgresql"


def could_be_broad(parsed):
    """Whether the query's words are common enough for it to be clearly broad (_clearly_broad).

    Why: asking the planner (an EXPLAIN, 0.3-4 ms with its planning) on every search paid for
    narrow queries too, most searches. The vocabulary knows how many entries hold each word
    (its counts, remembered per process with the typo correction's lookups): a query matches at
    most, per clause, the sum over its alternatives of their rarest word's count, and at most
    the smallest of that over the clauses. Below CLEARLY_BROAD times EXACT_LIMIT the planner
    would not call it clearly broad either. An underestimate (a count changed since it was
    read) only means the query is probed for its first matches, as before."""
    count = vocabulary().document_count
    bound = min(
        (
            sum(min((count(word) for word in alternative), default=0) for alternative in clause.alternatives)
            for clause in parsed.clauses
        ),
        default=0,
    )
    return bound >= CLEARLY_BROAD * EXACT_LIMIT


def ranks_by_proximity(tsquery):
    """Whether ts_rank ranks this query (tsquery text) by how close its words stand.

    PostgreSQL's ts_rank looks at the query's top operator only: AND (or a phrase) ranks every
    pair of the query's words by their distance (calc_rank_and); anything else, such as an OR
    at the top ("ouders school" is `'ouder' & 'schol' | 'oudersschol'`), adds up each word's
    own score (calc_rank_or). The head candidates differ between the two (_head_matches). The
    text is PostgreSQL's own output: lexemes quoted (a quote inside one doubled), `|` binding
    loosest, parentheses only where needed."""
    depth, quoted, operators = 0, False, set()
    for character in tsquery or "":
        if character == "'":
            quoted = not quoted  # a quote inside a lexeme is doubled: it toggles twice
        elif quoted:
            continue
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif depth == 0 and character in "|&<":
            operators.add(character)
    return "|" not in operators and bool(operators & {"&", "<"})


def tsquery_lexemes(tsquery):
    """The distinct lexemes of a tsquery's text (PostgreSQL's output: each quoted, a quote
    inside one doubled)."""
    return {lexeme.replace("''", "'") for lexeme in re.findall(r"'((?:[^']|'')*)'", tsquery or "")}


def likely_heads_bound(tsquery):
    """The most a head can score (ts_rank(head, tsquery, 0), before the rank ceiling) when it
    has none of the query's words in its title and each of them at most once, for a query of
    two words ranked by proximity; None for any other query (_likely_head_matches).

    ts_rank's proximity ranking of two words adds up, over every pair of their positions,
    sqrt(weight * weight * word_distance(distance)); with one position each there is one pair,
    both of summary weight (0.4), and word_distance is at most 1 / (1.005 + 0.05 e^(1/1.5 - 2))
    (neighbours). A tiny margin covers PostgreSQL's single-precision arithmetic."""
    if not ranks_by_proximity(tsquery) or len(tsquery_lexemes(tsquery)) != 2:
        return None
    closest = 1 / (1.005 + 0.05 * math.exp(1 / 1.5 - 2))
    return math.sqrt(SUMMARY_RANK_WEIGHT**2 * closest) * (1 + 1e-4)


def expanded_fields(document_or_entry):
    """(title, summary + keywords, body) as expanded words; computed once per document."""
    return (
        expand_for_index(document_or_entry.title),
        expand_for_index(f"{document_or_entry.summary or ''} {keyword_text(document_or_entry)}"),
        expand_for_index(document_or_entry.body or ""),
    )


def vocabulary_words(document_or_entry, expanded=None):
    expanded = expanded or expanded_fields(document_or_entry)
    return {word for word in " ".join(expanded).split() if 2 < len(word) <= 100 and not word.isdigit()}


class DatabaseBackend(SearchBackend):
    name = "database"

    # Writing -----------------------------------------------------------------------------

    def index(self, documents, embed=True):
        documents = list(documents)
        if not documents:
            return
        embedded = self._embeddings(documents) if embed else {}
        with transaction.atomic():
            existing = {entry.key: entry for entry in IndexEntry.objects.filter(key__in=[d.key for d in documents])}
            delta = Counter()
            for document in documents:
                old = existing.get(document.key)
                if old is not None:
                    delta.subtract(vocabulary_words(old))
                fields = expanded_fields(document)
                delta.update(vocabulary_words(document, fields))
                entry, _ = IndexEntry.objects.update_or_create(
                    key=document.key, defaults={**self._fields(document), **embedded.get(document.key, {})}
                )
                IndexFacet.objects.filter(entry=entry).delete()
                IndexFacet.objects.bulk_create(
                    IndexFacet(entry=entry, name=name, value=value) for name, value in facet_rows(document)
                )
                self._write_text([(entry.id, fields)])
                with connection.cursor() as cursor:
                    impacts.update_lists(entry.id, impacts.document_impacts(fields, document.boost), cursor)
            changed_terms = self._apply_vocabulary(delta)
        vocabulary_changed(changed_terms)
        vectors.changed()

    def store_embeddings(self, vectors_by_key):
        name = embeddings.model_name()
        entries = list(IndexEntry.objects.filter(key__in=list(vectors_by_key)).only("id", "key"))
        for entry in entries:
            entry.embedding, entry.embedding_model = embeddings.to_bytes(vectors_by_key[entry.key]), name
        IndexEntry.objects.bulk_update(entries, ["embedding", "embedding_model"], batch_size=500)
        if entries:
            vectors.changed()

    def delete(self, keys):
        entries = list(IndexEntry.objects.filter(key__in=list(keys)))
        if not entries:
            return
        with transaction.atomic():
            delta = Counter()
            for entry in entries:
                delta.subtract(vocabulary_words(entry))
            ids = [entry.id for entry in entries]
            if not is_postgres():
                with connection.cursor() as cursor:
                    cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in ids])
            IndexEntry.objects.filter(id__in=ids).delete()
            changed_terms = self._apply_vocabulary(delta)
        vocabulary_changed(changed_terms)
        vectors.changed()

    def rebuild(self, batches, progress=None):
        """One transaction: readers see the old index until the new one is committed."""
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_indexfacet")
                cursor.execute("DELETE FROM search_termimpact")
                cursor.execute("DELETE FROM search_indexentry")
                cursor.execute("DELETE FROM search_indexterm")
                if not is_postgres():
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")
            counts = Counter()
            lists = impacts.ListBuilder()
            done = 0
            for batch in batches:
                embedded = self._embeddings(batch)
                entries = IndexEntry.objects.bulk_create(
                    IndexEntry(key=d.key, **self._fields(d), **embedded.get(d.key, {})) for d in batch
                )
                IndexFacet.objects.bulk_create(
                    (
                        IndexFacet(entry_id=entry.id, name=name, value=value)
                        for entry, document in zip(entries, batch, strict=True)
                        for name, value in facet_rows(document)
                    ),
                    batch_size=2000,
                )
                expanded = [expanded_fields(document) for document in batch]
                self._write_text([(entry.id, fields) for entry, fields in zip(entries, expanded, strict=True)])
                for entry, document, fields in zip(entries, batch, expanded, strict=True):
                    counts.update(vocabulary_words(document, fields))
                    lists.add(entry.id, impacts.document_impacts(fields, document.boost))
                done += len(batch)
                if progress:
                    progress(done)
            IndexTerm.objects.bulk_create(
                (IndexTerm(term=term, stem=stem(term), doc_count=count) for term, count in counts.items()),
                batch_size=5000,
            )
            with connection.cursor() as cursor:
                impacts.store(lists.rows(), cursor)
            if is_postgres():
                self._settle_postgres_index()
        vocabulary_changed()
        vectors.changed()

    def rebuild_impact_lists(self, chunk_size=2000):
        """Build the impact lists (search/impacts.py) from the index as it stands: after the
        upgrade that introduced them, without the cost of a rebuild (and its embedding)."""
        lists = impacts.ListBuilder()
        entries = IndexEntry.objects.only(
            "id", "title", "summary", "body", "facets", "boost", "municipality", "province"
        ).order_by("id")
        for entry in entries.iterator(chunk_size=chunk_size):
            lists.add(entry.id, impacts.document_impacts(expanded_fields(entry), entry.boost))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_termimpact")
            impacts.store(lists.rows(), cursor)

    @staticmethod
    def _embeddings(documents):
        """{key: fields} with each document's sentence embedding, computed in batches; empty when
        the semantic layer is off or its model cannot load (the entries are then lexical only)."""
        matrix = embeddings.embed_documents(embeddings.document_text(document) for document in documents)
        if matrix is None:
            return {}
        name = embeddings.model_name()
        return {
            document.key: {"embedding": embeddings.to_bytes(row), "embedding_model": name}
            for document, row in zip(documents, matrix, strict=True)
        }

    @staticmethod
    def _settle_postgres_index():
        """After a rebuild: move the GIN indexes' pending entries into the index proper (a
        search would otherwise scan them all) and refresh the statistics that estimate totals."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('search_indexentry_vector_gin'::regclass)")
            cursor.execute("SELECT gin_clean_pending_list('search_indexentry_title_gin'::regclass)")
            cursor.execute("SELECT gin_clean_pending_list('search_indexentry_head_gin'::regclass)")
            cursor.execute("SELECT gin_clean_pending_list('search_indexentry_head_strong_gin'::regclass)")
            cursor.execute("ANALYZE search_indexentry")

    def count(self):
        return IndexEntry.objects.count()

    def _fields(self, document):
        return {
            "type": document.type,
            "title": document.title[:500],
            "url": document.url,
            "summary": document.summary or "",
            "body": document.body or "",
            "municipality": document.municipality or "",
            "province": document.province or "",
            "date": document.date,
            "facets": document.facets or {},
            "boost": document.boost,
        }

    def _write_text(self, pairs):
        """Store (entry id, expanded fields) pairs in the engine's full-text structure."""
        with connection.cursor() as cursor:
            if is_postgres():
                cursor.executemany(
                    f"UPDATE search_indexentry SET search_vector = {PG_VECTOR_SQL},"
                    " title_vector = to_tsvector('dutch', %s) WHERE id = %s",
                    [(title, summary, body, title, entry_id) for entry_id, (title, summary, body) in pairs],
                )
                cursor.execute(HEAD_SQL, [[entry_id for entry_id, _ in pairs]])
            else:
                cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(entry_id,) for entry_id, _ in pairs])
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                    [
                        (entry_id, stem_words(title), stem_words(summary), stem_words(body))
                        for entry_id, (title, summary, body) in pairs
                    ],
                )

    def _apply_vocabulary(self, delta):
        """Apply {term: change in its number of entries} to IndexTerm. Returns the terms that
        came or went: what the workers' vocabularies must read again (search/vocabulary.py; a
        mere change of a count is not worth it, see changed())."""
        delta = {term: change for term, change in delta.items() if change}
        if not delta:
            return []
        existing = {term.term: term for term in IndexTerm.objects.filter(term__in=list(delta))}
        to_update, to_create, to_delete = [], [], []
        for term, change in delta.items():
            row = existing.get(term)
            if row is None:
                if change > 0:
                    to_create.append(IndexTerm(term=term, stem=stem(term), doc_count=change))
            elif row.doc_count + change <= 0:
                to_delete.append(row.id)
            else:
                row.doc_count += change
                to_update.append(row)
        IndexTerm.objects.bulk_create(to_create, batch_size=2000)
        IndexTerm.objects.bulk_update(to_update, ["doc_count"], batch_size=2000)
        IndexTerm.objects.filter(id__in=to_delete).delete()
        gone = {row.term for row in existing.values() if row.id in set(to_delete)}
        return [term.term for term in to_create] + sorted(gone)

    # Reading -----------------------------------------------------------------------------

    def search(self, parsed, filters, page, page_size, mode="hybrid"):
        """`mode`: "hybrid" (the default; lexical alone when no model is available), "lexical",
        or "semantic" (nearest vectors only; for the relevance benchmark)."""
        semantic_on = mode != "lexical" and not parsed.is_empty and embeddings.available()
        if semantic_on and mode == "semantic":
            return self._semantic_only(parsed, filters, page, page_size)
        mode = "hybrid" if semantic_on else "lexical"
        # One semantic half for both runs below: the retry has the same text and filters, and
        # its thread is usually still embedding the query when the first run finds nothing (a
        # second thread would embed it again, 10-15 ms of CPU beside the retry's SQL).
        semantic = {}
        results = self._run(parsed, filters, page, page_size, mode, semantic)
        if results.total == 0 and len(parsed.clauses) > 1:
            results = self._run(parsed.any_clause(), filters, page, page_size, mode, semantic)
            results.partial_match = results.total > 0
        return results

    def _run(self, parsed, filters, page, page_size, mode="lexical", semantic=None):
        """One lexical search, fused with the semantic half in hybrid mode. `semantic` keeps
        that half's PendingHits between a search and its retry (search())."""
        semantic = {} if semantic is None else semantic
        match = self._match(parsed)
        filter_sql, filter_params = self._filters(filters, match["id"])
        where, params = f"{match['where']}{filter_sql}", [*match["params"], *filter_params]
        with self._index_scans(), connection.cursor() as cursor:
            # Hybrid: the semantic half runs in a thread while the SQL below runs.
            if mode == "hybrid" and "pending" not in semantic:
                semantic["pending"] = vectors.semantic_hits_soon(parsed.text, self._allowed(cursor, filters))
            pending = semantic.get("pending")
            broad = self._clearly_broad(cursor, match, where, params, parsed) if not parsed.is_empty else None
            if broad:
                total, candidates = broad
            else:
                cursor.execute(
                    f"SELECT {match['id']} FROM {match['from']} WHERE {where}{match['probe_order']} LIMIT %s",
                    [*params, EXACT_LIMIT + 1],
                )
                candidates = [row[0] for row in cursor.fetchall()]
                total = len(candidates)
            approximate = bool(broad) or total > EXACT_LIMIT
            pool = candidates
            if approximate:
                if not broad:
                    total = max(total, self._estimated_total(cursor, match["from"], where, params))
                in_title = []
                if match["title_where"]:
                    cursor.execute(
                        f"SELECT {match['id']} FROM {match['from']} WHERE {match['title_where']}{filter_sql} LIMIT %s",
                        [*match["title_params"], *filter_params, RANK_POOL],
                    )
                    in_title = [row[0] for row in cursor.fetchall()]
                # The documents where a query word weighs most (search/impacts.py) that match the
                # whole query: what the top results come from. Without lists (an index from before
                # they existed, or only words that became common since the last rebuild), the
                # first matches, as a last resort.
                listed = self._listed_matches(cursor, match, parsed, filter_sql, filter_params)
                listed += self._head_matches(cursor, match, filter_sql, filter_params)
                if listed:
                    pool = list(dict.fromkeys([*in_title, *listed]))
                else:
                    pool = list(dict.fromkeys([*in_title, *candidates]))[:RANK_POOL]
                # Facet counts from a sample spread evenly over the whole index, scaled up to the
                # total: not from the first matches found (a clearly broad query has its sample).
                if not broad:
                    candidates = self._spread_sample(cursor, match, where, params, total) or candidates
            # Hybrid: the query's nearest documents by meaning join the lexical matches (only when
            # some word matched: a query of nonsense still finds nothing) and the two rankings are
            # fused; the total, the facets and the pages are those of the fused set.
            semantic = []
            if pending is not None and candidates:
                semantic = [entry_id for entry_id, _ in pending.hits()]
            counted = candidates
            if semantic:
                extra = [entry_id for entry_id in semantic if entry_id not in set(candidates)]
                fused = vectors.fuse(
                    self._lexical_order(cursor, match, pool),
                    semantic,
                    # Only asked for when fusion gives a title extra weight (it gives none now).
                    self._title_ids(cursor, match, pool) if vectors.TITLE_WEIGHT else frozenset(),
                    vectors.semantic_weight(parsed.text),
                )
                total += len(extra)
                pool, counted = [entry_id for entry_id, _ in fused], [*candidates, *extra]
                rows = self._rows_in_order(cursor, fused[(page - 1) * page_size : page * page_size])
            else:
                rows = self._ranked_rows(cursor, match, pool, page_size, (page - 1) * page_size) if pool else []
            scale = total / len(counted) if approximate else 1
            facets = self._facet_counts(cursor, counted, scale) if counted else {}
        headlines = self._headlines(match, [row[0] for row in rows]) if rows and not parsed.is_empty else {}
        stems = parsed.stems
        results = []
        for entry_id, key, title, url, type_, municipality, summary, body, score in rows:
            marked = headlines.get(entry_id) or highlight(summary, stems) or highlight(body, stems)
            results.append(
                Result(
                    key=key,
                    title=title,
                    url=url,
                    type=type_,
                    municipality=municipality,
                    summary=summary,
                    highlight=marked,
                    score=abs(float(score or 0)),
                )
            )
        return SearchResults(
            query=parsed.text,
            total=total,
            results=results,
            facets=facets,
            page=page,
            page_size=page_size,
            approximate=approximate,
            browsable=len(pool) if approximate else None,
            more_than=EXACT_LIMIT if approximate else 0,
        )

    def _listed_matches(self, cursor, match, parsed, filter_sql, filter_params):
        """The entries in the impact lists of the query's words that match the whole query."""
        words = {stem(word) for clause in parsed.clauses for alternative in clause.alternatives for word in alternative}
        listed = impacts.listed_entries(words, cursor)
        if not listed:
            return []
        # `+rowid` on SQLite: filter FTS5's matches, instead of one FTS lookup per listed id.
        column = "+rowid" if match["id"] == "rowid" else match["id"]
        cursor.execute(
            f"SELECT {match['id']} FROM {match['from']} WHERE {match['where']}{filter_sql} AND {self._id_in(column)}",
            [*match["params"], *filter_params, self._id_list(listed)],
        )
        return [row[0] for row in cursor.fetchall()]

    def _head_matches(self, cursor, match, filter_sql, filter_params):
        """PostgreSQL, several words: the entries with at least two of the query's words in their
        title and summary (the head vector) that score highest there, that match the whole query.

        Why: ts_rank ranks several words by how close together they stand (each pair of
        occurrences adds its weights times a factor that falls with the distance), divided by
        the log of the document's length. Its top is made of short documents with the words
        together in the title or summary, which per-word lists do not find (at 100,000
        generated documents the lists found 2 of the exact top 10 of such queries, with these
        9 or 10; words together only in the body are still missed: BENCHMARKS.md). Ranking the
        head instead of the whole text reads a small, untoasted vector per entry; the rank
        ceiling stands in for the whole document's length.

        A query with an OR at the top (a pair with its compound, "ouders school") is ranked as
        a *sum* of its words' scores instead (ranks_by_proximity): there a word in the title
        (weight 1.0, at least 0.61 after ts_rank's damping of repeats) outweighs any number of
        occurrences in the summary (0.4, at most 0.4 damped), so its head candidates are only
        the heads with a query word in the title (`head_title_query`, any query word, through
        the title's GIN index: only the entries in both indexes' answers are read). For very
        common pairs that reads a fraction of the heads (`sociaal-emotioneel` at 100,000
        documents: 1,747 of 13,410, with the same top 10; BENCHMARKS.md, "Cheaper head
        candidates"). Under proximity a close pair in the summary can top a title word, so
        those queries read every head with two of their words."""
        if not match.get("head_query") or HEAD_POOL <= 0:
            return []
        if match.get("head_likely_bound"):
            return self._likely_head_matches(cursor, match, filter_sql, filter_params)
        in_title, title_params = "", []
        if match.get("head_title_query"):
            in_title, title_params = " AND title_vector @@ %s::tsquery", [match["head_title_query"]]
        heads, heads_params = self._best_heads(match, f"{in_title}{filter_sql}", [*title_params, *filter_params])
        whole, whole_params = self._whole_query_of_heads(match)
        cursor.execute(f"SELECT id FROM ({heads}) head WHERE {whole}", [*heads_params, *whole_params])
        return [row[0] for row in cursor.fetchall()]

    @staticmethod
    def _best_heads(match, conditions_sql, conditions_params):
        """The HEAD_POOL heads that hold the head query and meet `conditions_sql` (filters, a
        title condition) ranked best, as a subquery (SQL, params) of their ids and whole vectors."""
        return (
            "SELECT id, search_vector FROM search_indexentry"
            f" WHERE head_vector @@ %s::tsquery{conditions_sql}"
            " ORDER BY ts_rank(head_vector, %s::tsquery, 0) * rank_ceiling DESC NULLS LAST, id LIMIT %s",
            [match["head_query"], *conditions_params, match["tsquery"], HEAD_POOL],
        )

    @staticmethod
    def _whole_query_of_heads(match):
        """The condition that a head candidate matches the whole query, as (SQL, params).
        A head holds part of its entry's words, so a head that matches the whole query makes its
        entry match it too: when the head query is the whole query (two clauses, or one with its
        compound), nothing is checked, which spares reading 150 whole vectors (each toasted)."""
        if match["head_query"] == match["tsquery"]:
            return "TRUE", []
        return "search_vector @@ %s::tsquery", [match["tsquery"]]

    def _likely_head_matches(self, cursor, match, filter_sql, filter_params):
        """_head_matches for a query of two words ranked by proximity, reading only the heads
        that can be among the best, with the same answer as reading them all.

        Why: two common words ("jongeren gemeente") stand together in thousands of heads (4,238
        at 100,000 generated documents), and every one was read and ranked to keep 150. But a
        head that has neither word in its title and each word once (the most common case) has
        one pair of positions, both of summary weight (0.4): ts_rank gives it at most
        sqrt(0.4 * 0.4 * 0.982) (the closest pair), so it scores at most that times the highest
        rank ceiling in the index (`head_likely_bound`). So the heads where a query word is
        *strong* (in the title, or twice: a GIN index of those words of every head, migration
        0010, combined with the head's own index before a row is read) are ranked first; the
        head itself says which words are strong, so the proof does not depend on any other
        column. When the 150th
        of those scores above the bound, no other head can displace any of them and they are
        the answer. Otherwise (a query whose best heads are such single pairs, e.g.
        "zwangerschap begeleiding") every head is ranked as before, in the same statement:
        PostgreSQL runs only the branch whose one-time condition holds."""
        tsquery, any_word = match["tsquery"], match["head_any_query"]
        whole, whole_params = self._whole_query_of_heads(match)
        every_head, every_head_params = self._best_heads(match, filter_sql, filter_params)
        cursor.execute(
            "WITH likely AS (SELECT id, search_vector, ts_rank(head_vector, %s::tsquery, 0) * rank_ceiling AS score"
            " FROM search_indexentry WHERE head_vector @@ %s::tsquery"
            f" AND search_strong_head_words(head_vector) @@ %s::tsquery{filter_sql}"
            " ORDER BY score DESC NULLS LAST, id LIMIT %s),"
            " enough AS (SELECT count(score) = %s AND min(score) > %s * (SELECT max(rank_ceiling)"
            " FROM search_indexentry) AS proven FROM likely)"
            f" SELECT id FROM likely WHERE (SELECT proven FROM enough) AND {whole}"
            " UNION ALL"
            f" SELECT id FROM ({every_head}) head WHERE NOT (SELECT proven FROM enough) AND {whole}",
            [
                *(tsquery, tsquery, any_word, *filter_params, HEAD_POOL),
                *(HEAD_POOL, match["head_likely_bound"], *whole_params),
                *every_head_params,
                *whole_params,
            ],
        )
        return [row[0] for row in cursor.fetchall()]

    def _clearly_broad(self, cursor, match, where, params, parsed):
        """PostgreSQL: (estimated total, spread sample) for a query that is clearly broad, else None.

        Why: finding out whether a query has more than EXACT_LIMIT matches by reading EXACT_LIMIT + 1
        of them costs 8–25 ms for a common word at 100,000 documents (the GIN index builds the
        bitmap of every match first), and a broad query then reads its facet sample as well. When
        the planner's estimate (0.3 ms; for common words within a few percent) is CLEARLY_BROAD
        times the limit, the sample alone decides: it covers a known share of the index's ids, so
        the matches it finds, divided by that share, say how many there are. Only when they
        confirm at least twice the limit is the probe skipped; a wrong estimate (words that rarely
        stand together, estimated as if independent) falls back to the probe, and so to the exact
        path when it is exact. The planner is only asked when the vocabulary's counts of the
        query's words allow that many matches (could_be_broad): not for a narrow query."""
        if not is_postgres() or CLEARLY_BROAD <= 0 or not could_be_broad(parsed):
            return None
        estimate = self._estimated_total(cursor, match["from"], where, params)
        if estimate < CLEARLY_BROAD * EXACT_LIMIT:
            return None
        sample, covered = self._spread_sample(cursor, match, where, params, estimate, with_share=True)
        if len(sample) < 2 * EXACT_LIMIT * covered:
            return None
        return estimate, sample

    def _spread_sample(self, cursor, match, where, params, total, with_share=False):
        """About FACET_SAMPLE matches for the facet counts of a broad query, from SAMPLE_WINDOWS
        id ranges spread evenly over the whole index (old and new entries alike; the same on
        every request). Each range is an index range scan, so only the sampled entries are read:
        sampling by a hash of the id read every match (0.2 s for `jongeren` at 100,000).
        `with_share`: (sample, the share of the index's id range its windows cover)."""
        # The entries' ids, which are also the FTS5 rowids: from the table's primary key (two
        # index lookups), never from the FTS5 table, where min/max reads every row (90 ms at 100k).
        cursor.execute("SELECT min(id), max(id) FROM search_indexentry")
        lowest, highest = cursor.fetchone()
        if lowest is None:
            return ([], 1.0) if with_share else []
        span = highest - lowest + 1
        width = max(1, math.ceil(span * min(1.0, SAMPLE_SHARE * FACET_SAMPLE / max(total, 1)) / SAMPLE_WINDOWS))
        starts = sorted(
            {lowest + (span * (2 * number + 1)) // (2 * SAMPLE_WINDOWS) for number in range(SAMPLE_WINDOWS)}
        )
        ranges = " OR ".join(f"{match['id']} BETWEEN %s AND %s" for _ in starts)
        bounds = [bound for start in starts for bound in (start - width // 2, start - width // 2 + width - 1)]
        if self._sample_by_rows(match, len(starts) * width, total):
            # OFFSET 0 keeps the match out of the subquery: the windows' rows are read by the
            # primary key and tested one by one, instead of listing every match in the GIN index.
            cursor.execute(
                f"SELECT id FROM (SELECT id, search_vector FROM search_indexentry WHERE {ranges} OFFSET 0) search_indexentry"
                f" WHERE {where} LIMIT %s",
                [*bounds, *params, 2 * FACET_SAMPLE],
            )
        else:
            cursor.execute(
                f"SELECT {match['id']} FROM {match['from']} WHERE {where} AND ({ranges}) LIMIT %s",
                [*params, *bounds, 2 * FACET_SAMPLE],
            )
        sample = [row[0] for row in cursor.fetchall()]
        return (sample, min(1.0, len(starts) * width / span)) if with_share else sample

    @staticmethod
    def _sample_by_rows(match, window_rows, total):
        """PostgreSQL: whether the facet sample should read its windows' rows and test each
        against the query, rather than intersect them with the query's matches from the GIN index.

        Why: PostgreSQL intersects the two bitmaps, and the GIN index builds the bitmap of every
        match of every query word first, whatever the windows hold: 10-30 ms for the common
        words of `wijkteam jongeren gemeente` at 100,000 documents, where its windows hold 1,190
        rows. Testing a row reads and decompresses its vector (about 10 us); a word's entry in the
        GIN's lists costs about 1/SAMPLE_ROW_COST of that. The windows are sized by the total, so
        the more common the query, the fewer rows they hold: the rows win for very common
        queries (window rows * SAMPLE_ROW_COST below the total times its number of words), the
        index for the others (BENCHMARKS.md, "Cheaper samples and heads")."""
        if not is_postgres() or not match.get("tsquery") or SAMPLE_ROW_COST <= 0:
            return False
        return window_rows * SAMPLE_ROW_COST < total * len(tsquery_lexemes(match["tsquery"]))

    def _semantic_only(self, parsed, filters, page, page_size):
        with connection.cursor() as cursor:
            allowed = self._allowed(cursor, filters)
            vector = embeddings.embed_query(parsed.text)
            hits = vectors.nearest(vector, page * page_size, allowed) if vector is not None else []
            rows = self._rows_in_order(cursor, hits[(page - 1) * page_size :])
        results = [
            Result(key=key, title=title, url=url, type=type_, municipality=municipality, summary=summary, score=score)
            for _, key, title, url, type_, municipality, summary, _body, score in rows
        ]
        return SearchResults(query=parsed.text, total=len(hits), results=results, page=page, page_size=page_size)

    def _allowed(self, cursor, filters):
        """The entry ids the facet filters allow, or None without filters."""
        filter_sql, filter_params = self._filters(filters, "id")
        if not filter_sql:
            return None
        cursor.execute(f"SELECT id FROM search_indexentry WHERE 1 = 1{filter_sql}", filter_params)
        return [row[0] for row in cursor.fetchall()]

    def _lexical_order(self, cursor, match, ids):
        """The lexical ranking of `ids` (ids only, best first)."""
        if not ids:
            return []
        ranked_sql, ranked_params = match["ranked"](ids)
        cursor.execute(
            f"SELECT m.id FROM ({ranked_sql}) m JOIN search_indexentry e ON e.id = m.id ORDER BY {match['order']}",
            ranked_params,
        )
        return [row[0] for row in cursor.fetchall()]

    def _title_ids(self, cursor, match, ids):
        """Those of `ids` with the whole query in their title."""
        if not ids or not match.get("title_ids"):
            return set()
        sql, params = match["title_ids"](ids)
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}

    def _rows_in_order(self, cursor, scored):
        """Result rows for [(id, score)], in that order, with that score."""
        if not scored:
            return []
        cursor.execute(
            "SELECT id, key, title, url, type, municipality, summary, body FROM search_indexentry"
            f" WHERE {self._id_in('id')}",
            [self._id_list([entry_id for entry_id, _ in scored])],
        )
        found = {row[0]: row for row in cursor.fetchall()}
        return [(*found[entry_id], score) for entry_id, score in scored if entry_id in found]

    @contextmanager
    def _index_scans(self):
        """On PostgreSQL, read through the indexes: the planner prices a sequential scan that
        filters on `@@` far too low (each row's vector must be decompressed), while the GIN
        index answers without touching the vectors. SET LOCAL ends with this block."""
        if not is_postgres():
            yield
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
            cursor.execute("SET LOCAL enable_seqscan = on")

    def _estimated_total(self, cursor, from_, where, params):
        """PostgreSQL: the planner's estimate from its statistics of the vector's words (cheap and,
        for the common words that make a query broad, within a few percent). SQLite: a count."""
        if is_postgres():
            cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {from_} WHERE {where}", params)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            return int(plan[0]["Plan"]["Plan Rows"])
        cursor.execute(f"SELECT count(*) FROM {from_} WHERE {where}", params)
        return cursor.fetchone()[0]

    def _ranked_rows(self, cursor, match, ids, page_size, offset):
        ranked_sql, ranked_params = match["ranked"](ids)
        cursor.execute(
            "SELECT e.id, e.key, e.title, e.url, e.type, e.municipality, e.summary, e.body, m.score"
            f" FROM ({ranked_sql}) m JOIN search_indexentry e ON e.id = m.id"
            f" ORDER BY {match['order']} LIMIT %s OFFSET %s",
            [*ranked_params, page_size, offset],
        )
        return cursor.fetchall()

    def _facet_counts(self, cursor, ids, scale=1):
        """Facet value counts over the entries `ids`, multiplied by `scale` when they are a sample."""
        cursor.execute(
            f"SELECT name, value, count(*) FROM search_indexfacet WHERE {self._id_in('entry_id')}"
            " GROUP BY name, value ORDER BY name, count(*) DESC, value",
            [self._id_list(ids)],
        )
        facets = {}
        for name, value, count in cursor.fetchall():
            facets.setdefault(name, []).append((value, count if scale == 1 else max(1, round(count * scale))))
        return facets

    @staticmethod
    def _id_in(column):
        """`column IN (ids)` with the ids as one parameter, `_id_list(ids)`: statements do not
        grow with the number of ids."""
        return f"{column} = ANY(%s)" if is_postgres() else f"{column} IN (SELECT value FROM json_each(%s))"

    @staticmethod
    def _id_list(ids):
        return list(ids) if is_postgres() else json.dumps(list(ids))

    def _match(self, parsed):
        """How to find, and then rank, the matching entries on this engine.

        from/where/params: the matches; id: their id column; probe_order: which matches to take
        first when there are more than EXACT_LIMIT; title_where: matches with the whole query in
        the title (the broad-query candidates); ranked(ids): (SQL, params) giving (id, score) for
        those ids; order: the ORDER BY over those (m) joined with the entries (e).
        """
        if parsed.is_empty:
            return {
                "from": "search_indexentry",
                "where": "1 = 1",
                "params": [],
                "id": "id",
                "probe_order": " ORDER BY date DESC NULLS LAST, title, id",
                "title_where": None,
                "ranked": lambda ids: (
                    f"SELECT id, 0 AS score FROM search_indexentry WHERE {self._id_in('id')}",
                    [self._id_list(ids)],
                ),
                "order": "e.date DESC NULLS LAST, e.title, e.id",
            }
        if is_postgres():
            tsquery, head_query, any_word_query = self._tsquery(parsed)
            by_proximity = ranks_by_proximity(tsquery)
            return {
                "from": "search_indexentry",
                "where": "search_vector @@ %s::tsquery",
                "params": [tsquery],
                "id": "id",
                "probe_order": "",
                "title_where": "title_vector @@ %s::tsquery",
                "title_params": [tsquery],
                "ranked": lambda ids: (
                    "SELECT id, ts_rank(search_vector, %s::tsquery, 1) * boost"
                    f" * (CASE WHEN title_vector @@ %s::tsquery THEN {TITLE_MATCH_BONUS} ELSE 1 END) AS score"
                    f" FROM search_indexentry WHERE {self._id_in('id')}",
                    [tsquery, tsquery, self._id_list(ids)],
                ),
                "order": "m.score DESC, e.id",
                "tsquery": tsquery,
                "head_query": head_query,
                # Ranked as a sum: heads with a query word in the title (_head_matches).
                "head_title_query": None if by_proximity else any_word_query,
                "head_any_query": any_word_query,
                "head_likely_bound": likely_heads_bound(tsquery) if head_query == tsquery else None,
                "title_ids": lambda ids: (
                    f"SELECT id FROM search_indexentry WHERE title_vector @@ %s::tsquery AND {self._id_in('id')}",
                    [tsquery, self._id_list(ids)],
                ),
            }
        expression = self._fts_expression(parsed)
        in_title = "{title} : (" + expression + ")"
        # FTS5 recomputes bm25's statistics for every value of `rowid IN (…)`, so the candidates
        # are the newest matches, a contiguous rowid range it can score in one pass. (Without
        # filters, every match in that range is a candidate.) No title pool here: its rowids
        # would be scattered.
        return {
            "from": FTS_TABLE,
            "where": f"{FTS_TABLE} MATCH %s",
            "params": [expression],
            "id": "rowid",
            "probe_order": " ORDER BY rowid DESC",
            "title_where": None,
            "ranked": lambda ids: (
                f"SELECT rowid AS id, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT})"
                f" * (CASE WHEN rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
                f" THEN {TITLE_MATCH_BONUS} ELSE 1 END) AS score"
                f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid BETWEEN %s AND %s"
                f" AND {self._id_in('+rowid')}",
                [in_title, expression, min(ids), max(ids), self._id_list(ids)],
            ),
            "order": "m.score * e.boost ASC, e.id",
            "title_ids": lambda ids: (
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND {self._id_in('+rowid')}",
                [in_title, self._id_list(ids)],
            ),
        }

    def _tsquery(self, parsed):
        """(query, head query, any-word query) as tsquery text, built by PostgreSQL's own parser;
        passed back as constants (`%s::tsquery`) so that the planner can use its word statistics.
        The head query (see _head_matches) asks for any two of the clauses, or is None for a
        query of one word; the any-word query (any one of the query's words) comes with it."""
        clauses = []
        for clause in parsed.clauses:
            alternatives = " || ".join("plainto_tsquery('dutch', %s)" for _ in clause.alternatives)
            clauses.append((f"({alternatives})", [" ".join(alternative) for alternative in clause.alternatives]))
        whole = (" && ".join(sql for sql, _ in clauses), [param for _, params in clauses for param in params])
        if len(clauses) == 1:
            several_words = any(len(alternative) > 1 for alternative in parsed.clauses[0].alternatives)
            head = whole if several_words else None
        elif len(clauses) <= HEAD_PAIR_CLAUSES:
            pairs = [(f"({a} && {b})", [*pa, *pb]) for (a, pa), (b, pb) in itertools.combinations(clauses, 2)]
            head = (" || ".join(sql for sql, _ in pairs), [param for _, params in pairs for param in params])
        else:
            head = (" || ".join(sql for sql, _ in clauses), whole[1])
        with connection.cursor() as cursor:
            if head is None:
                cursor.execute(f"SELECT ({whole[0]})::text, NULL, NULL", whole[1])
            else:
                words = list(
                    dict.fromkeys(word for clause in parsed.clauses for alt in clause.alternatives for word in alt)
                )
                any_word = " || ".join("plainto_tsquery('dutch', %s)" for _ in words)
                cursor.execute(
                    f"SELECT ({whole[0]})::text, ({head[0]})::text, ({any_word})::text",
                    [*whole[1], *head[1], *words],
                )
            tsquery, head_query, any_word_query = cursor.fetchone()
        return tsquery, head_query, any_word_query or None

    def _fts_expression(self, parsed):
        from ..analysis import stem

        def quoted(word):
            return '"' + stem(word).replace('"', '""') + '"'

        clauses = []
        for clause in parsed.clauses:
            alternatives = ["(" + " AND ".join(quoted(word) for word in alt) + ")" for alt in clause.alternatives]
            clauses.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(clauses)

    def _filters(self, filters, id_column="id"):
        sql, params = "", []
        for name, values in sorted((filters or {}).items()):
            values = [value for value in values if value]
            if not values:
                continue
            placeholders = ", ".join(["%s"] * len(values))
            sql += (
                f" AND {id_column} IN"
                f" (SELECT entry_id FROM search_indexfacet WHERE name = %s AND value IN ({placeholders}))"
            )
            params += [name, *values]
        return sql, params

    def _headlines(self, match, ids):
        """ts_headline snippets on PostgreSQL; SQLite highlights in Python (see highlight.py)."""
        if not is_postgres():
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, ts_headline('dutch', left(summary || ' ' || body, 20000), %s::tsquery, %s)"
                f" FROM search_indexentry WHERE {self._id_in('id')}",
                [match["tsquery"], HEADLINE_OPTIONS, self._id_list(ids)],
            )
            return {entry_id: from_markers(text) for entry_id, text in cursor.fetchall() if START in text}

    def autocomplete(self, prefix, limit=8):
        words = tokens(prefix)
        if not words or len(fold(prefix).strip()) < 2:
            return []
        phrase = " ".join(words)
        suggestions = list(
            IndexEntry.objects.filter(Q(title__istartswith=phrase) | Q(title__icontains=" " + phrase))
            .order_by("-boost", "title")
            .values_list("title", flat=True)[:limit]
        )
        head = " ".join(words[:-1])
        for completion in vocabulary().completions(words[-1], limit):
            suggestions.append(f"{head} {completion}".strip())
        unique = {}
        for suggestion in suggestions:
            unique.setdefault(fold(suggestion), suggestion)
        return list(unique.values())[:limit]
