"""The knowledge base: practice stories, methods and research publications.

Content pages live under the owning organisation's `OrganisationPage`, so each
organisation's editors own their subtree (see the editorial workflow issue). The three
listing pages therefore never list their children: they list a page *type* across the
whole tree and filter it by facets (see `faceted_listing.py`).

Everything a professional filters or compares on is a structured field (a vocabulary
term, a number, a choice), not prose, which is what the facet filters, the prevention
matrix and the open-data API are built on.

One module per concern (issue 15): `shared` (key figures, age range, listing base, search
text), `stories`, `methods`, `publications`, each with its listing page, its detail context,
its search document and its facets. Later modules build on earlier ones (publications ->
methods -> stories -> shared); none imports the app's services or views.
"""

from .methods import (
    EvidenceStatus,
    MethodEvidenceRecord,
    MethodIndexPage,
    MethodKind,
    MethodPage,
    MethodTheme,
    method_facet_list,
    method_facets,
)
from .publications import (
    Perspective,
    PublicationIndexPage,
    PublicationKeyFigure,
    PublicationPage,
    PublicationReflection,
    PublicationTheme,
    PublicationType,
    publication_facet_list,
    publication_facets,
)
from .shared import RICH_TEXT, AgeRangeMixin, KeyFigure, ListingPage
from .stories import (
    PracticeStoryPage,
    StoryIndexPage,
    StoryKeyFigure,
    StorySpokesperson,
    StoryStatus,
    StoryTheme,
    story_facet_list,
    story_facets,
)

__all__ = [
    "RICH_TEXT",
    "AgeRangeMixin",
    "EvidenceStatus",
    "KeyFigure",
    "ListingPage",
    "MethodEvidenceRecord",
    "MethodIndexPage",
    "MethodKind",
    "MethodPage",
    "MethodTheme",
    "Perspective",
    "PracticeStoryPage",
    "PublicationIndexPage",
    "PublicationKeyFigure",
    "PublicationPage",
    "PublicationReflection",
    "PublicationTheme",
    "PublicationType",
    "StoryIndexPage",
    "StoryKeyFigure",
    "StorySpokesperson",
    "StoryStatus",
    "StoryTheme",
    "method_facet_list",
    "method_facets",
    "publication_facet_list",
    "publication_facets",
    "story_facet_list",
    "story_facets",
]
