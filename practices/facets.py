"""Facet filtering on the embedded database (no search engine needed).

A facet is a querystring key plus the ORM path to the value it filters on. Values within
one facet are alternatives (OR); different facets narrow each other (AND). Each facet's
counts are computed with every *other* facet applied, so a professional sees how many
results ticking one more box would give without the box's own facet collapsing to itself.

The number of SQL queries is fixed by the number of facets: one GROUP BY per facet, one
count, one page of results and a fixed set of prefetches. It never grows with the number
of results or of values, which keeps a listing of 10,000 stories fast (BENCHMARKS.md).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _

from organisations.models import Province

PAGE_SIZE = 20
MAX_VALUES_PER_FACET = 30


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    value_path: str
    label_path: str | None = None
    order_path: str | None = None
    choices: dict | None = None  # for fixed choice lists (province) instead of a label path

    def label_for(self, row):
        if self.choices is not None:
            return self.choices.get(row[self.value_path], row[self.value_path])
        return row[self.label_path]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


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
    )


class FacetedListing:
    """Filters `queryset` by the facets selected in a request and counts every facet's values."""

    def __init__(self, queryset, facets, prefetch=(), select=(), ordering=("-first_published_at", "title")):
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
            # A subquery keeps one row per page even when the path crosses a many-to-many relation.
            matching = model.objects.filter(**{f"{facet.value_path}__in": values}).values("pk")
            queryset = queryset.filter(pk__in=matching)
        return queryset

    def counts(self, facet, selected):
        queryset = self.filter(selected, skip=facet.key).exclude(**{f"{facet.value_path}__isnull": True})
        columns = [facet.value_path] + [path for path in (facet.label_path, facet.order_path) if path]
        rows = queryset.order_by().values(*columns).annotate(count=Count("pk", distinct=True))
        if facet.order_path:
            rows = rows.order_by(facet.order_path, facet.value_path)
        else:
            rows = rows.order_by("-count", facet.value_path)
        chosen = set(selected.get(facet.key, []))
        options = [
            FacetOption(
                value=row[facet.value_path],
                label=facet.label_for(row),
                count=row["count"],
                selected=row[facet.value_path] in chosen,
            )
            for row in rows[:MAX_VALUES_PER_FACET]
        ]
        if facet.choices is not None and not facet.order_path:
            options.sort(key=lambda option: str(option.label))
        known = {option.value for option in options}
        options += [FacetOption(value=value, label=value, count=0, selected=True) for value in chosen - known]
        return FacetResult(key=facet.key, label=facet.label, options=options)

    def results(self, selected):
        queryset = self.filter(selected)
        if self.select:
            queryset = queryset.select_related(*self.select)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset.order_by(*self.ordering)

    def listing(self, request, page_size=None):
        selected = self.selection(request.GET)
        paginator = Paginator(self.results(selected), page_size or PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        facets = [self.counts(facet, selected) for facet in self.facets]
        pairs = [(key, value) for key, values in selected.items() for value in values]
        active = []
        for facet_result in facets:
            for option in facet_result.selected_options:
                remaining = [pair for pair in pairs if pair != (facet_result.key, option.value)]
                active.append(
                    ActiveFilter(
                        facet_label=facet_result.label, label=option.label, remove_url="?" + urlencode(remaining)
                    )
                )
        return Listing(
            page_obj=page_obj, facets=facets, active_filters=active, querystring_without_page=urlencode(pairs)
        )


PROVINCES = dict(Province.choices)


def story_facets():
    from .models import PracticeStoryPage

    return FacetedListing(
        PracticeStoryPage.objects.live().public(),
        facets=[
            Facet(
                key="municipality",
                label=_("Gemeente"),
                value_path="municipality__slug",
                label_path="municipality__short_name",
                order_path="municipality__short_name",
            ),
            Facet(key="province", label=_("Provincie"), value_path="municipality__province", choices=PROVINCES),
            term_facet("life_stage", _("Levensfase"), "life_stages"),
            term_facet("prevention_level", _("Preventieniveau"), "prevention_levels"),
            term_facet("setting", _("Setting"), "settings"),
            term_facet("domain", _("Domein"), "domains"),
            Facet(
                key="theme",
                label=_("Thema"),
                value_path="tagged_themes__tag__slug",
                label_path="tagged_themes__tag__name",
            ),
            term_facet("working_factor", _("Werkende factor"), "working_factors", order="number"),
        ],
        select=("municipality",),
        prefetch=("life_stages", "tagged_themes__tag"),
    )


def method_facets():
    from .models import MethodEvidenceRecord, MethodPage

    return FacetedListing(
        MethodPage.objects.live().public(),
        facets=[
            term_facet("life_stage", _("Levensfase"), "life_stages"),
            term_facet("prevention_level", _("Preventieniveau"), "prevention_levels"),
            Facet(
                key="evidence_level",
                label=_("Bewijsniveau"),
                value_path="evidence_records__level__slug",
                label_path="evidence_records__level__name",
                order_path="evidence_records__level__rank",
            ),
            term_facet("setting", _("Setting"), "settings"),
            term_facet("domain", _("Domein"), "domains"),
            Facet(
                key="theme",
                label=_("Thema"),
                value_path="tagged_themes__tag__slug",
                label_path="tagged_themes__tag__name",
            ),
        ],
        prefetch=(
            "life_stages",
            "prevention_levels",
            Prefetch("evidence_records", queryset=MethodEvidenceRecord.objects.select_related("level")),
        ),
        ordering=("title",),
    )


def publication_facets():
    from .models import PublicationPage

    return FacetedListing(
        PublicationPage.objects.live().public(),
        facets=[
            Facet(
                key="type",
                label=_("Soort onderzoek"),
                value_path="publication_type",
                choices=dict(PublicationPage._meta.get_field("publication_type").choices),
            ),
            term_facet("life_stage", _("Levensfase"), "life_stages"),
            Facet(
                key="theme",
                label=_("Thema"),
                value_path="tagged_themes__tag__slug",
                label_path="tagged_themes__tag__name",
            ),
        ],
        prefetch=("reflections",),
        ordering=("-publication_year", "title"),
    )
