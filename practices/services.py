"""Rules of the knowledge base across its page types, for views and other apps:

- the prevention offer matrix (life stage × prevention level) with its empty cells,
- the latest stories on the home page.

What one page type shows (its related content, detail context, search document and facets)
lives with the page type in `practices.models` (issue 15).
"""

from dataclasses import dataclass, field

from core.languages import canonical_pages, visitor_language_items
from pictures.renditions import prefetch as prefetch_pictures
from taxonomy.models import LifeStage, PreventionLevel

from .models import MethodPage, PracticeStoryPage, StoryIndexPage

MATRIX_CELL_LIMIT = 5


# --- prevention offer matrix ------------------------------------------------------------------


@dataclass
class MatrixCell:
    life_stage: LifeStage
    level: PreventionLevel
    stories: list = field(default_factory=list)
    methods: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.stories and not self.methods

    @property
    def total(self):
        return len(self.stories) + len(self.methods)


@dataclass
class Matrix:
    levels: list
    rows: list  # [(life_stage, [MatrixCell per level])]
    municipality: object = None

    @property
    def empty_cells(self):
        return sum(1 for _stage, cells in self.rows for cell in cells if cell.is_empty)


def prevention_matrix(municipality=None):
    """Stories and methods per life stage × prevention level, with the empty cells that show gaps.

    For one municipality it holds that municipality's stories and the methods those stories
    use (its offer); overall it holds every live story and method.
    """

    stages = list(LifeStage.objects.all())
    levels = list(PreventionLevel.objects.all())
    stories = canonical_pages(PracticeStoryPage.objects.live().public())
    methods = canonical_pages(MethodPage.objects.live().public())
    if municipality is not None:
        stories = stories.filter(municipality=municipality)
        methods = methods.filter(stories__in=stories.values("pk")).distinct()
    terms = ("life_stages", "prevention_levels")
    cells = {(stage.pk, level.pk): MatrixCell(stage, level) for stage in stages for level in levels}
    for attribute, pages in (("stories", stories), ("methods", methods)):
        # Under /en/ with the English titles of the translated ones (one query per kind).
        for page in visitor_language_items(pages.order_by("title").prefetch_related(*terms)):
            for stage in page.life_stages.all():
                for level in page.prevention_levels.all():
                    getattr(cells[(stage.pk, level.pk)], attribute).append(page)
    rows = [(stage, [cells[(stage.pk, level.pk)] for level in levels]) for stage in stages]
    return Matrix(levels=levels, rows=rows, municipality=municipality)


# --- home page ------------------------------------------------------------------------------


def latest_stories_section(request, limit=3):
    stories = list(
        canonical_pages(PracticeStoryPage.objects.live().public())
        .select_related("municipality")
        .prefetch_related(prefetch_pictures("lead_image", "card"))
        .order_by("-first_published_at")[:limit]
    )
    if not stories:
        return None

    return {"stories": stories, "index": canonical_pages(StoryIndexPage.objects.live()).first()}
