"""What a search returns, whichever backend ran it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {
    "story": _("Praktijkverhaal"),
    "method": _("Methode"),
    "publication": _("Publicatie"),
    "tip": _("Tip"),
    "atelier": _("Kennisatelier"),
}

FACET_LABELS = {
    "type": _("Soort"),
    "municipality": _("Gemeente"),
    "province": _("Provincie"),
    "life_stage": _("Levensfase"),
    "theme": _("Thema"),
    "setting": _("Setting"),
    "domain": _("Domein"),
    "prevention_level": _("Preventieniveau"),
    "evidence_level": _("Bewijskracht"),
    "working_factor": _("Werkzame factor"),
    "audience": _("Doelgroep"),
    "phase": _("Fase"),
}


def facet_label(name):
    return FACET_LABELS.get(name, name.replace("_", " ").capitalize())


def value_label(name, value):
    if name == "type":
        return TYPE_LABELS.get(value, value)
    return value


@dataclass
class Result:
    key: str
    title: str
    url: str
    type: str
    municipality: str = ""
    summary: str = ""
    highlight: str = ""  # HTML-escaped text in which only <mark> elements are markup
    score: float = 0.0

    @property
    def type_label(self):
        return TYPE_LABELS.get(self.type, self.type)


@dataclass
class SearchResults:
    query: str = ""
    total: int = 0
    results: list[Result] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str = ""
    message: str = ""
    page: int = 1
    page_size: int = 10
    partial_match: bool = False  # no result had every word; these have some of them
    degraded: bool = False  # the configured engine was unreachable; the database index answered
    # Broad queries (thousands of matches): `total` and the facet counts are estimates, only
    # the best `browsable` results can be paged through, and there are certainly more than
    # `more_than` matches (see backends/database.py).
    approximate: bool = False
    browsable: int | None = None
    more_than: int = 0

    @property
    def num_pages(self):
        shown = self.total if self.browsable is None else min(self.total, self.browsable)
        return max(1, -(-shown // self.page_size))
