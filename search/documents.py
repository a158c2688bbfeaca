"""The contract between content and search.

Every searchable model implements `search_document(self) -> SearchDocument` and is
registered with `search.registry.register(Model)`. The search backends (embedded database
or Elasticsearch) index only these documents, so content apps never know which engine runs.
A document must contain nothing that may not be public: no parent's real name or e-mail.
"""

from __future__ import annotations  # the field `date` shadows the type in the class body

from dataclasses import dataclass, field
from datetime import date


@dataclass
class SearchDocument:
    key: str  # globally unique, e.g. "practices.PracticeStoryPage:42"
    type: str  # "story", "method", "publication", "tip", "atelier"
    title: str
    url: str
    summary: str = ""
    body: str = ""
    municipality: str = ""
    province: str = ""
    date: date | None = None
    # Facet name -> values, e.g. {"life_stage": ["12–18 jaar"], "theme": ["spijbelen"]}
    facets: dict[str, list[str]] = field(default_factory=dict)
    boost: float = 1.0
