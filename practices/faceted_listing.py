"""Facet filtering on the embedded database (no search engine needed).

A facet is a querystring key plus the ORM path to the value it filters on. Values within
one facet are alternatives (OR); different facets narrow each other (AND). Each facet's
counts are computed with every *other* facet applied, so a professional sees how many
results ticking one more box would give without the box's own facet collapsing to itself.

The number of SQL queries is fixed by the number of facets: one GROUP BY per facet, one
count, one page of results and a fixed set of prefetches. It never grows with the number
of results or of values, which keeps a listing of 10,000 stories fast (BENCHMARKS.md).

The facets of each page type are defined with it (`practices.models`: `story_facets`, ...).
"""

import hashlib
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache, caches
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.languages import interface_language

PAGE_SIZE = 20
MAX_VALUES_PER_FACET = 30
CACHE_SECONDS = 15 * 60
CACHE_VERSION_KEY = "practices:facets:version"


def invalidate_facet_cache(**kwargs):
    """Signal receiver: any change to knowledge-base pages or vocabularies makes cached counts stale."""
    # A unique token, never cache.incr(): the database cache re-stores an incremented key with
    # the default timeout, after which the version would fall back to an old value.
    cache.set(CACHE_VERSION_KEY, time.time_ns(), None)


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    value_path: str
    label_path: str | None = None
    order_path: str | None = None
    choices: dict | None = None  # for fixed choice lists (province) instead of a label path
    # A vocabulary's English label (`name_en`), shown under /en/; where editors left it empty
    # the Dutch label shows, marked as Dutch (`FacetOption.label_language`).
    english_label_path: str | None = None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    label_language: str = ""  # "nl" for a Dutch label shown in the English interface


@dataclass
class FacetResult:
    key: str
    label: str
    options: list[FacetOption]

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


@dataclass
class ActiveFilter:
    facet_label: str
    label: str
    remove_url: str
    key: str = ""
    value: str = ""
    label_language: str = ""


@dataclass
class Listing:
    page_obj: object
    facets: list[FacetResult]
    active_filters: list[ActiveFilter] = field(default_factory=list)
    querystring_without_page: str = ""

    @property
    def total(self):
        return self.page_obj.paginator.count


def term_facet(key, label, relation, order="sort_order"):
    return Facet(
        key=key,
        label=label,
        value_path=f"{relation}__slug",
        label_path=f"{relation}__name",
        order_path=f"{relation}__{order}",
        english_label_path=f"{relation}__name_en",
    )


def theme_facet():
    """The free themes (taggit tags), the same facet on every knowledge-base listing."""
    return Facet(
        key="theme",
        label=_("Thema"),
        value_path="tagged_themes__tag__slug",
        label_path="tagged_themes__tag__name",
        english_label_path="tagged_themes__tag__name_en",
    )


def _english_label_path(facet):
    """The facet's English label path when the visitor reads the English interface, else None."""
    return facet.english_label_path if interface_language() == "en" else None


def _label_and_language(english, dutch, fallback, facet):
    """An option's label in the interface's language and the language it is really in."""
    if english:
        return english, ""
    if _english_label_path(facet):
        return dutch or fallback, "nl"
    return dutch or fallback, ""


class FacetedListing:
    """Filters `queryset` by the facets selected in a request and counts every facet's values."""

    def __init__(self, queryset, facets, prefetch=(), select=(), ordering=("-first_published_at", "title", "pk")):
        self.queryset = queryset
        self.facets = facets
        self.prefetch = prefetch
        self.select = select
        self.ordering = ordering

    def selection(self, querydict):
        """The selected values per facet key, read from a querystring (unknown keys are ignored)."""
        selected = {}
        for facet in self.facets:
            values = [value for value in querydict.getlist(facet.key) if value and len(value) <= 120]
            if values:
                selected[facet.key] = list(dict.fromkeys(values))
        return selected

    def filter(self, selected, skip=None):
        queryset = self.queryset
        model = queryset.model
        for facet in self.facets:
            values = selected.get(facet.key)
            if not values or facet.key == skip:
                continue
            # A subquery keeps one row per page even when the path crosses a many-to-many relation;
            # it reads the relation table directly rather than joining the pages again.
            source = self._count_source(facet)
            if source is None:
                matching = model.objects.filter(**{f"{facet.value_path}__in": values}).values("pk")
            else:
                relation_model, owner, (value_path, *_labels_and_order), _distinct = source
                matching = relation_model.objects.filter(**{f"{value_path}__in": values}).values(owner)
            queryset = queryset.filter(pk__in=matching)
        return queryset

    def _count_source(self, facet):
        """Where to count a facet's values, and the value/label/order paths seen from there.

        A facet across a to-many relation is counted on that relation's own table (the M2M
        through table, or the child table of a ParentalKey), filtered on the matching pages.
        That avoids joining and de-duplicating page rows, which is what keeps counting cheap
        on 10,000 stories.
        """
        relation = facet.value_path.split("__", 1)[0]
        field = self.queryset.model._meta.get_field(relation)
        if field.many_to_many:
            # A through table holds each (page, term) pair once, so a plain COUNT is exact and
            # lets PostgreSQL aggregate by hashing instead of sorting for COUNT(DISTINCT).
            through, owner = field.remote_field.through, field.m2m_field_name()
            model, prefix, distinct = through, field.m2m_reverse_field_name() + "__", False
        elif field.one_to_many:
            model, owner, prefix, distinct = field.related_model, field.field.name, "", True
        else:
            return None
        paths = [
            path and prefix + path.split("__", 1)[1]
            for path in (facet.value_path, facet.label_path, facet.order_path, _english_label_path(facet))
        ]
        return model, owner, paths, distinct

    def counts(self, facet, selected):
        matching = self.filter(selected, skip=facet.key)
        source = self._count_source(facet)
        if source is None:
            rows_source, owner, distinct = matching, "pk", False
            value_path, label_path, order_path = facet.value_path, facet.label_path, facet.order_path
            english_path = _english_label_path(facet)
        else:
            model, owner, (value_path, label_path, order_path, english_path), distinct = source
            rows_source = model.objects.filter(**{f"{owner}__in": matching.values("pk")})
        columns = [value_path] + [path for path in (label_path, order_path, english_path) if path]
        rows = (
            rows_source.exclude(**{f"{value_path}__isnull": True})
            .order_by()
            .values(*columns)
            .annotate(count=Count(owner, distinct=distinct))
        )
        rows = rows.order_by(order_path, value_path) if order_path else rows.order_by("-count", value_path)
        chosen = set(selected.get(facet.key, []))
        options = []
        for row in rows[:MAX_VALUES_PER_FACET]:
            value = row[value_path]
            if facet.choices is not None:
                label, language = facet.choices.get(value, value), ""
            else:
                english = row[english_path] if english_path else ""
                label, language = _label_and_language(english, row[label_path], value, facet)
            options.append(
                FacetOption(
                    value=value, label=label, count=row["count"], selected=value in chosen, label_language=language
                )
            )
        if facet.choices is not None and not order_path:
            options.sort(key=lambda option: str(option.label))
        missing = chosen - {option.value for option in options}
        if missing:
            labels = self.labels_of(facet, missing)
            for value in sorted(missing):
                label, language = labels.get(value, (value, ""))
                options.append(FacetOption(value=value, label=label, count=0, selected=True, label_language=language))
        return FacetResult(key=facet.key, label=facet.label, options=options)

    def labels_of(self, facet, values):
        """Labels of chosen values that no result has, read from the vocabulary itself.

        On a new site (or with a narrow filter) nothing carries the term, so the counts cannot
        name it; without this the visitor would see the slug ("12-18") instead of "12–18 jaar".
        One query, only for a facet with such a value.
        """
        if facet.choices is not None:
            return {value: (facet.choices.get(value, value), "") for value in values}
        if not facet.label_path:
            return {}
        *relations, value_field = facet.value_path.split("__")
        *label_relations, label_field = facet.label_path.split("__")
        if not relations or relations != label_relations:
            return {}
        model = self.queryset.model
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        english_path = _english_label_path(facet)
        english_field = english_path.rsplit("__", 1)[1] if english_path else None
        rows = model.objects.filter(**{f"{value_field}__in": values}).values(
            *[field for field in (value_field, label_field, english_field) if field]
        )
        return {
            row[value_field]: _label_and_language(
                row[english_field] if english_field else "", row[label_field], row[value_field], facet
            )
            for row in rows
        }

    def results(self, selected):
        queryset = self.filter(selected)
        if self.select:
            queryset = queryset.select_related(*self.select)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset.order_by(*self.ordering)

    def cached_counts(self, selected):
        """(total, facet results) for a selection, cached until content or vocabularies change.

        Counting is the expensive part of a listing; the page of results itself is always fresh.
        """
        pairs = sorted((key, value) for key, values in selected.items() for value in values)
        version = cache.get_or_set(CACHE_VERSION_KEY, time.time_ns, None)
        selection_hash = hashlib.sha256(urlencode(pairs).encode()).hexdigest()[:32]
        # The labels are in the interface's language (English vocabulary labels under /en/).
        language = get_language() or ""
        key = f"practices:facets:{self.queryset.model._meta.label_lower}:{language}:{version}:{selection_hash}"
        cached = caches["pages"].get(key)  # one entry per selection: the bounded cache
        if cached is None:
            cached = (self.filter(selected).count(), [self.counts(facet, selected) for facet in self.facets])
            caches["pages"].set(key, cached, CACHE_SECONDS)
        return cached

    def listing(self, request, page_size=None):
        selected = self.selection(request.GET)
        total, facets = self.cached_counts(selected)
        paginator = Paginator(self.results(selected), page_size or PAGE_SIZE)
        paginator.__dict__["count"] = total  # known already; saves a COUNT query
        page_obj = paginator.get_page(request.GET.get("page"))
        pairs = [(key, value) for key, values in selected.items() for value in values]
        active = []
        for facet_result in facets:
            for option in facet_result.selected_options:
                remaining = [pair for pair in pairs if pair != (facet_result.key, option.value)]
                active.append(
                    ActiveFilter(
                        facet_label=facet_result.label,
                        label=option.label,
                        label_language=option.label_language,
                        remove_url="?" + urlencode(remaining),
                        key=facet_result.key,
                        value=option.value,
                    )
                )
        return Listing(
            page_obj=page_obj, facets=facets, active_filters=active, querystring_without_page=urlencode(pairs)
        )
