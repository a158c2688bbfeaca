"""Related content (issue 17): per kind, nearest in meaning when the page has a vector, else
the pages sharing the most themes and working factors; two queries either way."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from search import service, vectors
from search.backends import get_backend

from .conftest import DOCUMENTS, doc

pytestmark = pytest.mark.django_db

# Shares "zwangerschap" with the story about young mothers (1) and the method (3), and a
# working factor with nothing; its words are about pregnancy too.
PREGNANCY_PUBLICATION = doc(
    8,
    "publication",
    "Groepszorg voor zwangere vrouwen onderzocht",
    "Onderzoek naar zwangerschapszorg in groepen en de verloskundige.",
    "Zwangere vrouwen en jonge moeders waarderen de groepszorg.",
    theme=["zwangerschap"],
)
# Shares two facets with story 2 (theme and a working factor): ranks above one sharing one.
TRUANCY_STORY = doc(
    9,
    "story",
    "Leerplicht in de wijk",
    "Een leerplichtambtenaar op de basisschool.",
    "Schoolverzuim en thuiszitters.",
    theme=["schoolverzuim"],
    working_factor=["Samenwerking"],
)
TRUANCY_STORY_TWO = doc(
    10,
    "story",
    "Verzuim samen aanpakken",
    "Scholen en wijkteam tegen schoolverzuim.",
    "Samen met ouders.",
    theme=["schoolverzuim"],
    working_factor=["Samenwerking"],
)
ALL = [*DOCUMENTS, PREGNANCY_PUBLICATION, TRUANCY_STORY, TRUANCY_STORY_TWO]


def keys(found):
    return {kind: [result.key for result in results] for kind, results in found.items()}


@pytest.fixture
def lexical_index(settings, synonyms):
    settings.SEARCH_EMBEDDING_MODEL = ""
    get_backend().rebuild([ALL])


@pytest.fixture
def semantic_index(word_hash_model, synonyms):
    get_backend().rebuild([ALL])


def test_related_content_is_nearest_in_meaning_per_kind(semantic_index):
    found = service.related("test.Doc:1", ["method", "publication", "story"], limit=2)
    assert found["method"][0].key == "test.Doc:3"  # pregnancy, like the story
    assert found["publication"][0].key == "test.Doc:8"
    assert [result.type for result in found["story"]] == ["story", "story"]
    assert "test.Doc:1" not in [result.key for results in found.values() for result in results]
    assert found["method"][0].url == "/test/3/" and found["method"][0].summary


def test_what_the_page_names_already_is_not_offered_again(semantic_index):
    found = service.related("test.Doc:1", ["method"], limit=3, exclude_keys=["test.Doc:3"])
    assert "test.Doc:3" not in keys(found)["method"]


def test_without_vectors_related_content_shares_themes_and_working_factors(lexical_index):
    found = service.related("test.Doc:2", ["story", "method", "publication"], limit=3)
    # Both truancy stories share a theme and a working factor... with each other; story 2 shares
    # only the theme, so they come in title order; nothing else is about truancy.
    assert keys(found) == {"story": ["test.Doc:9", "test.Doc:10"], "method": [], "publication": []}
    found = service.related("test.Doc:9", ["story"], limit=3)
    assert keys(found)["story"] == ["test.Doc:10", "test.Doc:2"]  # two shared facets before one
    assert keys(service.related("test.Doc:1", ["method", "publication"])) == {
        "method": ["test.Doc:3"],
        "publication": ["test.Doc:8"],
    }


def test_a_page_outside_the_index_has_nothing_related(lexical_index):
    assert service.related("test.Doc:999", ["story"]) == {"story": []}
    assert service.related("test.Doc:1", []) == {}


@pytest.mark.parametrize("index", ["lexical_index", "semantic_index"])
def test_related_content_takes_two_queries_whatever_the_number_of_kinds(index, request):
    request.getfixturevalue(index)
    service.related("test.Doc:1", ["story"])  # loads the vectors once per process
    with CaptureQueriesContext(connection) as captured:
        found = service.related("test.Doc:1", ["story", "method", "publication"], limit=3, exclude_keys=["x:1"])
    assert sum(len(results) for results in found.values()) >= 2
    assert len(captured) == 2


def test_the_vectors_know_each_rows_type(semantic_index):
    vectors.changed()
    from search import embeddings

    vector = embeddings.embed_query("zwangerschap groepen verloskundige")
    hits = vectors.nearest_by_type(vector, ["method", "tip"], 5)
    assert hits["tip"] == [] and [entry_id for entry_id, _ in hits["method"]]


class Page:
    """Stands for a page whose document key is test.Doc:<pk> (core.object_keys.object_key)."""

    class _meta:  # noqa: N801
        label = "test.Doc"

    def __init__(self, pk):
        self.pk = pk


def test_the_include_renders_one_accessible_section_per_kind_with_results(lexical_index):
    html = render_to_string("search/includes/related.html", {"object": Page(1), "kinds": "method,story,publication"})
    assert '<section class="related" aria-labelledby="related-method-heading">' in html
    assert '<h2 id="related-method-heading" class="utrecht-heading-2">Methoden die hierbij passen</h2>' in html
    assert "Gerelateerde publicaties" in html and 'href="/test/8/"' in html
    assert "Vergelijkbare praktijkverhalen" not in html  # no story shares a theme with story 1
    assert 'href="/test/1/"' not in html
    excluded = render_to_string(
        "search/includes/related.html", {"object": Page(1), "kinds": "method", "exclude": [Page(3)]}
    )
    assert excluded.strip() == ""
