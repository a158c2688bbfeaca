"""`setup_site` gives every deployment its skeleton and vocabularies, and leaves editors' work alone.

The walkthrough on PostgreSQL (test_deployment_walkthrough.py) proves a second run changes
nothing at all; these tests prove what a run after editors' changes does, and that the demo
loader adds only fiction on top.
"""

from django.core.management import call_command

from ateliers.models import AtelierPage, AtelierSeriesPage, EvaluationAspect
from organisations.models import OrganisationIndexPage
from practices.models import MethodIndexPage, PracticeStoryPage, PublicationIndexPage, StoryIndexPage
from search.models import Synonym
from search.setup import SYNONYM_SETS
from taxonomy.models import Domain, EvidenceLevel, EvidenceScheme, LifeStage, PreventionLevel, Setting, WorkingFactor
from tips.models import TipLibraryPage

REFERENCE_MODELS = [
    LifeStage,
    Setting,
    Domain,
    WorkingFactor,
    PreventionLevel,
    EvidenceScheme,
    EvidenceLevel,
    EvaluationAspect,
    Synonym,
]
OVERVIEW_PAGES = [
    OrganisationIndexPage,
    StoryIndexPage,
    MethodIndexPage,
    PublicationIndexPage,
    AtelierSeriesPage,
    TipLibraryPage,
]


def setup_site():
    call_command("setup_site", stdout=open("/dev/null", "w"))


def reference_rows():
    return {model.__name__: sorted(model.objects.values_list()) for model in REFERENCE_MODELS}


def test_setup_site_creates_every_overview_page_and_vocabulary(client, db):
    EvaluationAspect.objects.all().delete()  # as on a flushed database: setup_site must bring them
    setup_site()
    for model in OVERVIEW_PAGES:
        assert model.objects.live().count() == 1, model
    assert LifeStage.objects.count() == 8 and WorkingFactor.objects.count() == 14
    assert list(EvidenceLevel.objects.filter(recognised=True).values_list("name", flat=True))[0] == "Goed beschreven"
    assert EvaluationAspect.objects.count() == 4 and Synonym.objects.count() == len(SYNONYM_SETS) == 44
    assert client.get("/organisaties/").status_code == 200
    assert "Kennisateliers" in client.get("/ateliers/").content.decode()


def test_setup_site_again_leaves_what_editors_changed(db):
    setup_site()
    LifeStage.objects.filter(slug="buurt").delete()
    Setting.objects.filter(name="Online").update(name="Online en sociale media")
    Synonym.objects.filter(terms__startswith="brugklas").delete()
    EvaluationAspect.objects.filter(name="Nieuwswaarde").update(name="Nieuws voor mijn werk")
    stories = StoryIndexPage.objects.get()
    stories.title, stories.slug = "Verhalen uit de praktijk", "verhalen"
    stories.save_revision().publish()
    before = reference_rows()

    setup_site()

    assert reference_rows() == before
    assert not LifeStage.objects.filter(slug="buurt").exists()
    assert not Setting.objects.filter(name="Online").exists()
    assert [page.slug for page in StoryIndexPage.objects.all()] == ["verhalen"]


def test_the_demo_adds_fiction_on_top_of_the_set_up_and_no_reference_data(demo_content, demo_snapshot):
    """The demo every test shares (tests/conftest.py, `load_demo`) was loaded just this way:
    `setup_site` on the migrated database (kept aside as `set_up`), then `load_demo_content`
    on top. Comparing the two snapshots proves what loading the demo here again proved, without
    a second demo load (20 CPU seconds in each pass). `demo_content` forgets the content types
    cached meanwhile."""
    demo, _media = demo_snapshot
    demo.set_up.restore()
    before = reference_rows()
    assert LifeStage.objects.count() == 8 and not PracticeStoryPage.objects.exists()
    demo.restore()
    assert reference_rows() == before
    for model in OVERVIEW_PAGES:
        assert model.objects.filter(locale__language_code="nl").count() == 1, model
    assert PracticeStoryPage.objects.live().exists() and AtelierPage.objects.child_of(
        AtelierSeriesPage.objects.get(locale__language_code="nl")
    )
