"""Vocabulary labels for places that hold a term's Dutch name rather than the term itself.

The search index keeps each document's terms by their Dutch name (that is what its facets and
filters match on). Shown under /en/, those names become the terms' English labels here, with
the language each label is really in ("nl" where no English label was filled in).
"""

from core.languages import interface_language

from .models import Domain, EvidenceLevel, LifeStage, PreventionLevel, Setting, Theme, WorkingFactor

# Search facet name → the vocabulary its values come from.
FACET_VOCABULARIES = {
    "life_stage": LifeStage,
    "setting": Setting,
    "domain": Domain,
    "prevention_level": PreventionLevel,
    "evidence_level": EvidenceLevel,
    "working_factor": WorkingFactor,
    "theme": Theme,
}


def labels_of_names(names_per_facet):
    """{(facet, Dutch name): (label, language)} in the interface's language; {} in Dutch.

    `names_per_facet` maps a facet name to the Dutch names shown for it; one query per
    vocabulary present.
    """
    if interface_language() != "en":
        return {}
    labels = {}
    for facet, names in names_per_facet.items():
        model = FACET_VOCABULARIES.get(facet)
        if model is None or not names:
            continue
        for name, name_en in model.objects.filter(name__in=list(names)).values_list("name", "name_en"):
            labels[(facet, name)] = (name_en, "") if name_en else (name, "nl")
    return labels
