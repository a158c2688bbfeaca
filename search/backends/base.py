"""The contract every search backend keeps."""


class SearchBackend:
    name = ""
    uses_vocabulary = True  # typo correction from the IndexTerm vocabulary (search/vocabulary.py)
    # Errors meaning "the engine cannot answer now" (network, cluster down): search falls back
    # to the database backend on these (search/service.py) instead of failing.
    unavailable_errors = ()

    def index(self, documents, embed=True):
        """Add or replace these SearchDocuments.

        `embed=False`: leave the sentence embedding to `store_embeddings` (publishing does, so
        the model never runs inside the editor's request; search/tasks.py). A replaced entry
        keeps its previous vector until then.
        """
        raise NotImplementedError

    def store_embeddings(self, vectors):
        """Set the sentence embedding of indexed documents: {key: unit-length vector};
        unknown keys are ignored."""
        raise NotImplementedError

    def delete(self, keys):
        """Remove the documents with these keys; unknown keys are ignored."""
        raise NotImplementedError

    def rebuild(self, batches, progress=None):
        """Replace the whole index by the documents in `batches` (an iterable of lists).

        Searches keep answering from the old index until the new one is complete.
        """
        raise NotImplementedError

    def search(self, parsed, filters, page, page_size, mode="hybrid"):
        """Run a ParsedQuery with facet filters {name: [values]}; return SearchResults.

        `mode`: "hybrid" fuses the lexical ranking with the nearest documents by meaning when an
        embedding model is available (search/embeddings.py), "lexical" never uses vectors.
        """
        raise NotImplementedError

    def autocomplete(self, prefix, limit):
        """Up to `limit` completions (strings) for what the user has typed so far."""
        raise NotImplementedError

    def count(self):
        raise NotImplementedError


def facet_rows(document):
    """(name, value) pairs of a document, with type, municipality and province as facets."""
    rows = [("type", document.type)]
    if document.municipality:
        rows.append(("municipality", document.municipality))
    if document.province:
        rows.append(("province", document.province))
    for name, values in (document.facets or {}).items():
        for value in values:
            if value:
                rows.append((name, str(value)[:255]))
    return list(dict.fromkeys(rows))


def keyword_text(document):
    """Facet values, municipality and province are searchable words too ("spijbelen" as theme)."""
    values = [document.municipality or "", document.province or ""]
    for facet_values in (document.facets or {}).values():
        values.extend(str(value) for value in facet_values)
    return " ".join(value for value in values if value)
