"""The embedded search index and the editor-managed synonyms.

The index is a table of our own (not Wagtail's) because it holds `SearchDocument`s from any
content app, with their facets normalised into rows so facet counts are one GROUP BY.
PostgreSQL keeps a weighted `dutch` tsvector with a GIN index in `search_vector`; SQLite
keeps Python-stemmed text in the FTS5 table `search_indexentry_fts` (rowid = entry id).
Both are created in migration 0002 for the database in use.
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class IndexEntry(models.Model):
    key = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=1000)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    municipality = models.CharField(max_length=200, blank=True)
    province = models.CharField(max_length=100, blank=True)
    date = models.DateField(null=True, blank=True)
    facets = models.JSONField(default=dict, blank=True)
    boost = models.FloatField(default=1.0)
    # Only filled on PostgreSQL (see migration 0002 for the GIN index).
    search_vector = SearchVectorField(null=True, editable=False)
    title_vector = SearchVectorField(null=True, editable=False)  # for the whole-query-in-title bonus
    # Broad queries of several words (PostgreSQL; docs/search.md, "Broad queries"): the title and
    # summary words of `search_vector` (its A and B weights), small enough to rank thousands of
    # entries by, and the most the entry can score for any query without the title bonus
    # (boost / log2(1 + its number of word positions), ts_rank's length normalisation).
    head_vector = SearchVectorField(null=True, editable=False)
    rank_ceiling = models.FloatField(null=True, editable=False)
    # Semantic search (search/embeddings.py): the document's sentence embedding as int8 bytes, and
    # the model that made it (vectors of another model are ignored until the next rebuild).
    embedding = models.BinaryField(null=True, editable=False)
    embedding_model = models.CharField(max_length=100, blank=True, default="", editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekindexregel")
        verbose_name_plural = _("zoekindex")

    def __str__(self):
        return self.title


class IndexFacet(models.Model):
    """One facet value of one entry; type, municipality and province are facets too."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="facet_rows")
    name = models.CharField(max_length=60)
    value = models.CharField(max_length=255)

    class Meta:
        indexes = [models.Index(fields=["name", "value"])]

    def __str__(self):
        return f"{self.name}={self.value}"


class IndexTerm(models.Model):
    """The vocabulary of the index: every indexed word with the number of entries using it.

    Typo tolerance and "bedoelde u …?" pick corrections from here, so a suggestion always
    leads to results; words disappear when the last entry using them leaves the index. Read
    where it lies, in pieces (search/vocabulary.py), never loaded whole.
    """

    term = models.CharField(max_length=100, unique=True)
    # Its Snowball stem, stored so that "is this word known?" is one indexed lookup, not the
    # stemming of the whole vocabulary in every worker (search/vocabulary.py).
    stem = models.CharField(max_length=100, db_index=True, default="")
    doc_count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.term


class TermImpact(models.Model):
    """One document in the impact-ordered list of a common word (stem): the LIST_LENGTH
    documents where that word weighs most. Broad queries are ranked over these
    (search/impacts.py; docs/search.md, "Broad queries")."""

    term = models.CharField(max_length=100)
    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="+")
    impact = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["term", "-impact"], name="search_termimpact_term_impact")]

    def __str__(self):
        return f"{self.term}: {self.entry_id} ({self.impact:.3f})"


class Synonym(index.Indexed, models.Model):
    """A set of words professionals use for the same thing, e.g. spijbelen = schoolverzuim.

    Read at query time (cached, invalidated on save), so an editor's change works at once,
    without re-indexing or a deploy.
    """

    terms = models.TextField(
        _("termen"),
        help_text=_(
            "Woorden en afkortingen met dezelfde betekenis, gescheiden door komma's. "
            "Bijvoorbeeld: spijbelen, schoolverzuim"
        ),
    )
    note = models.CharField(_("toelichting"), max_length=255, blank=True)
    active = models.BooleanField(_("actief"), default=True)

    panels = [FieldPanel("terms"), FieldPanel("note"), FieldPanel("active")]
    search_fields = [index.SearchField("terms"), index.AutocompleteField("terms")]

    class Meta:
        verbose_name = _("synoniemenset")
        verbose_name_plural = _("synoniemen")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        seen = []
        for term in self.terms.split(","):
            term = " ".join(term.split())
            if term and term.casefold() not in [t.casefold() for t in seen]:
                seen.append(term)
        return seen

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Geef minstens twee termen, gescheiden door een komma.")})
