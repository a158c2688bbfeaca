"""What users search for is in the index (issue 17): key figures, a method's practical fields
(dosage, team, referral, reach, costs, trainings) and acronyms, through the real search."""

import pytest

from practices.models import PublicationKeyFigure, PublicationPage, StoryKeyFigure
from search import service
from search.models import Synonym

from .conftest import folder_for


def found(query):
    """Titles of the results that match every word of the query (no "some words" fallback)."""
    results = service.search(query)
    return [] if results.message else [result.title for result in results.results]


@pytest.fixture
def make_publication():
    def make(organisation_page, title):
        publication = PublicationPage(title=title, summary="Een onderzoek.")
        folder_for(organisation_page, PublicationPage).add_child(instance=publication)
        publication.save_revision().publish()
        return publication

    return make


def test_a_methods_practical_fields_are_searchable(knowledge_base, make_method):
    method = make_method(
        knowledge_base["zwolle"].page,
        "Stevig Staan",
        dosage="Tien bijeenkomsten in groepjes van zes.",
        team="Twee jongerenwerkers en een gedragswetenschapper.",
        referral="Aanmelding via de schoolmentor.",
        reach="Veertig scholen in Overijssel.",
        cost="Tweehonderd euro per leerling.",
        trainings=[
            ("training", {"name": "Basistraining Stevigheid", "provider": "Kenniscentrum Noord", "accreditation": ""})
        ],
    )
    for query in (
        "gedragswetenschapper",
        "schoolmentor",
        "tweehonderd euro",
        "kosten per leerling",
        "Basistraining Stevigheid",
        "Kenniscentrum Noord",
        "veertig scholen",
    ):
        assert method.title in found(query), query


def test_key_figures_of_stories_and_publications_are_searchable(knowledge_base, make_publication):
    story = knowledge_base["think_story"]
    story.key_figures = [StoryKeyFigure(label="leerlingen bereikt met lessen", value="850", source="Jaarverslag")]
    story.save_revision().publish()
    publication = make_publication(knowledge_base["zwolle"].page, "Onderzoek naar wijkteams")
    publication.key_figures = [PublicationKeyFigure(label="Ouder- en Kindteams in Amsterdam", value="27", source="X")]
    publication.save_revision().publish()
    assert story.title in found("leerlingen bereikt")
    assert publication.title in found("ouder- en kindteams")


def test_an_acronym_finds_its_expansion_and_the_other_way_round(knowledge_base, make_publication):
    from search.setup import ensure_synonyms

    Synonym.objects.all().delete()
    ensure_synonyms()
    publication = make_publication(knowledge_base["zwolle"].page, "Samenwerking met scholen")
    publication.key_figures = [PublicationKeyFigure(label="Ouder- en Kindteams in Amsterdam", value="27", source="X")]
    publication.save_revision().publish()
    story = knowledge_base["think_story"]
    story.next_steps = "<p>De lessen volgen de Rationeel Emotieve Therapie; het SDT doet mee.</p>"
    story.save_revision().publish()
    assert publication.title in found("OKT")
    assert story.title in found("RET")
    assert story.title in found("samen doen-team")


def test_the_knowledge_base_is_found_as_built(knowledge_base):
    """`knowledge_base` is put back from a table snapshot (tests/conftest.py): its pages must come
    back findable in the site's search, its FTS5 table on SQLite included, or every test above
    searches an index that lost them. Wagtail's own index (the open-data API's `?search=`):
    test_open_data_api.py."""
    assert knowledge_base["think"].title in found("THINK")
    assert knowledge_base["mothers_story"].title in found("Moeders")
