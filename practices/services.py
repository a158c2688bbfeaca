"""Rules of the knowledge base that views, templates, search and the API share.

- related content by shared themes,
- the prevention offer matrix (life stage × prevention level) with its empty cells,
- the search documents of the three page types (see search/documents.py).
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.html import strip_tags

from search.documents import SearchDocument
from taxonomy.models import LifeStage, PreventionLevel

RELATED_LIMIT = 3
MATRIX_CELL_LIMIT = 5


# --- related content ------------------------------------------------------------------------


def related_stories(story, limit=RELATED_LIMIT):
    """Other live stories that share the most themes with `story` (two queries, whatever the size)."""
    from .models import PracticeStoryPage

    theme_ids = [item.tag_id for item in story.tagged_themes.all()]
    if not theme_ids:
        return []
    return list(
        PracticeStoryPage.objects.live()
        .public()
        .exclude(pk=story.pk)
        .filter(tagged_themes__tag_id__in=theme_ids)
        .annotate(shared_themes=Count("tagged_themes", distinct=True))
        .select_related("municipality")
        .order_by("-shared_themes", "title")[:limit]
    )


def related_methods(method, limit=RELATED_LIMIT):
    """Other live methods that share the most themes with `method`."""
    from .models import MethodPage

    theme_ids = [item.tag_id for item in method.tagged_themes.all()]
    if not theme_ids:
        return []
    return list(
        MethodPage.objects.live()
        .public()
        .exclude(pk=method.pk)
        .filter(tagged_themes__tag_id__in=theme_ids)
        .annotate(shared_themes=Count("tagged_themes", distinct=True))
        .order_by("-shared_themes", "title")[:limit]
    )


def story_detail_context(story):
    """The related items a story page shows, each fetched once (bounded queries)."""
    return {
        # Filtered in Python so that previews of unsaved pages (in-memory relations) work too.
        "methods": sorted((method for method in story.methods.all() if method.live), key=lambda method: method.title),
        "life_stages": list(story.life_stages.all()),
        "settings": list(story.settings.all()),
        "domains": list(story.domains.all()),
        "themes": list(story.themes.all()),
        "prevention_levels": list(story.prevention_levels.all()),
        "working_factors": list(story.working_factors.all()),
        "spokespeople": list(story.spokespeople.all()),
        "key_figures": list(story.key_figures.all()),
        "related_stories": related_stories(story),
    }


def method_detail_context(method):
    from .models import MethodEvidenceRecord

    records = list(MethodEvidenceRecord.objects.filter(page=method).select_related("scheme", "level"))
    return {
        "evidence_records": records,
        "stories": list(method.stories.live().select_related("municipality").order_by("title")),
        "publications": list(method.publications.live().order_by("-publication_year", "title")),
        "life_stages": list(method.life_stages.all()),
        "settings": list(method.settings.all()),
        "domains": list(method.domains.all()),
        "themes": list(method.themes.all()),
        "prevention_levels": list(method.prevention_levels.all()),
        "related_methods": related_methods(method),
    }


def publication_detail_context(publication):
    return {
        "methods": list(publication.methods.live().order_by("title")),
        "institutions": list(publication.institutions.all()),
        "key_figures": list(publication.key_figures.all()),
        "reflections": list(publication.reflections.all()),
        "themes": list(publication.themes.all()),
        "life_stages": list(publication.life_stages.all()),
    }


def index_url(model, request):
    """URL of the one listing page of `model` (a StoryIndexPage or MethodIndexPage), or ""."""
    index = model.objects.live().first()
    return index.get_url(request) if index else ""


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
    from .models import MethodPage, PracticeStoryPage

    stages = list(LifeStage.objects.all())
    levels = list(PreventionLevel.objects.all())
    stories = PracticeStoryPage.objects.live().public()
    methods = MethodPage.objects.live().public()
    if municipality is not None:
        stories = stories.filter(municipality=municipality)
        methods = methods.filter(stories__in=stories.values("pk")).distinct()
    terms = ("life_stages", "prevention_levels")
    cells = {(stage.pk, level.pk): MatrixCell(stage, level) for stage in stages for level in levels}
    for attribute, pages in (("stories", stories), ("methods", methods)):
        for page in pages.order_by("title").prefetch_related(*terms):
            for stage in page.life_stages.all():
                for level in page.prevention_levels.all():
                    getattr(cells[(stage.pk, level.pk)], attribute).append(page)
    rows = [(stage, [cells[(stage.pk, level.pk)] for level in levels]) for stage in stages]
    return Matrix(levels=levels, rows=rows, municipality=municipality)


# --- search documents -------------------------------------------------------------------------


def _text(*parts):
    return "\n".join(strip_tags(str(part)) for part in parts if part)


def _stream_text(stream):
    """Plain text of a StreamField, whatever its blocks (used only for the search body)."""
    return "\n".join(strip_tags(chunk) for chunk in stream.stream_block.get_searchable_content(stream))


def _date(page):
    return page.first_published_at.date() if page.first_published_at else None


def story_search_document(story):
    municipality = story.municipality
    return SearchDocument(
        key=f"practices.PracticeStoryPage:{story.pk}",
        type="story",
        title=story.title,
        url=story.url or "",
        summary=story.standfirst,
        body=_text(
            _stream_text(story.body),
            story.target_group,
            story.initiator,
            story.partners,
            story.costs_and_funding,
            story.success_factors,
            story.challenges,
            story.next_steps,
        ),
        municipality=municipality.short_name or municipality.name,
        province=municipality.get_province_display(),
        date=_date(story),
        facets={
            "life_stage": [term.name for term in story.life_stages.all()],
            "setting": [term.name for term in story.settings.all()],
            "domain": [term.name for term in story.domains.all()],
            "theme": [theme.name for theme in story.themes.all()],
            "prevention_level": [term.name for term in story.prevention_levels.all()],
            "working_factor": [term.name for term in story.working_factors.all()],
        },
    )


def method_search_document(method):
    from .models import MethodEvidenceRecord

    records = MethodEvidenceRecord.objects.filter(page=method).select_related("level")
    return SearchDocument(
        key=f"practices.MethodPage:{method.pk}",
        type="method",
        title=method.display_name,
        url=method.url or "",
        summary=method.summary,
        body=_text(
            method.acronym,
            method.aim,
            method.target_group,
            _stream_text(method.approach),
            _stream_text(method.working_elements),
            method.research,
            method.dosage,
            method.origin,
        ),
        date=_date(method),
        facets={
            "life_stage": [term.name for term in method.life_stages.all()],
            "setting": [term.name for term in method.settings.all()],
            "domain": [term.name for term in method.domains.all()],
            "theme": [theme.name for theme in method.themes.all()],
            "prevention_level": [term.name for term in method.prevention_levels.all()],
            "evidence_level": sorted({record.level.name for record in records}),
        },
        boost=1.2,
    )


def publication_search_document(publication):
    return SearchDocument(
        key=f"practices.PublicationPage:{publication.pk}",
        type="publication",
        title=publication.title,
        url=publication.url or "",
        summary=publication.summary,
        body=_text(
            publication.subtitle,
            publication.authors,
            publication.institutions_text,
            publication.cities,
            publication.findings,
            publication.recommendations,
            *(reflection.text for reflection in publication.reflections.all()),
        ),
        date=_date(publication),
        facets={
            "life_stage": [term.name for term in publication.life_stages.all()],
            "theme": [theme.name for theme in publication.themes.all()],
        },
    )


# --- home page ------------------------------------------------------------------------------


def latest_stories_section(request, limit=3):
    from .models import PracticeStoryPage

    stories = list(
        PracticeStoryPage.objects.live().public().select_related("municipality").order_by("-first_published_at")[:limit]
    )
    if not stories:
        return None
    from .models import StoryIndexPage

    return {"stories": stories, "index": StoryIndexPage.objects.live().first()}
