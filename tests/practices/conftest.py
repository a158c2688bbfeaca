import pytest

from organisations.models import Organisation, OrganisationIndexPage, OrganisationPage, OrganisationType, Province
from organisations.sections import folder_for
from practices.models import MethodPage, PracticeStoryPage, StoryKeyFigure


@pytest.fixture
def vocabularies(db):
    from taxonomy.setup import ensure_vocabularies

    ensure_vocabularies()


@pytest.fixture
def home(db):
    from home.setup import ensure_site

    return ensure_site()


@pytest.fixture
def org_index(home):
    """The organisations' index page; the one `knowledge_base` put back when a test has both."""
    return OrganisationIndexPage.objects.first() or home.add_child(
        instance=OrganisationIndexPage(title="Organisaties", slug="organisaties")
    )


def create_municipality(org_index, place, province=Province.ZUID_HOLLAND):
    organisation = Organisation.objects.create(
        name=f"Gemeente {place}", short_name=place, type=OrganisationType.MUNICIPALITY, province=province
    )
    page = org_index.add_child(
        instance=OrganisationPage(title=organisation.name, slug=organisation.slug, organisation=organisation)
    )
    return organisation, page


@pytest.fixture
def make_municipality(org_index):
    def make(place, province=Province.ZUID_HOLLAND):
        return create_municipality(org_index, place, province)

    return make


def create_story(organisation_page, title, **fields):
    life_stages = fields.pop("life_stages", [])
    methods = fields.pop("methods", [])
    figures = fields.pop("key_figures", [])
    story = PracticeStoryPage(
        title=title,
        municipality=organisation_page.organisation,
        standfirst=fields.pop("standfirst", "Een korte intro."),
        target_group=fields.pop("target_group", "Jongeren"),
        **fields,
    )
    story.life_stages = life_stages
    story.methods = methods
    story.key_figures = [StoryKeyFigure(**figure) for figure in figures]
    folder_for(organisation_page, type(story)).add_child(instance=story)
    story.save_revision().publish()
    return story


@pytest.fixture
def make_story(vocabularies):
    return create_story


@pytest.fixture
def make_method(vocabularies):
    def make(organisation_page, title, **fields):
        method = MethodPage(
            title=title,
            summary=fields.pop("summary", "Een methode."),
            aim=fields.pop("aim", "<p>Doel</p>"),
            target_group=fields.pop("target_group", "<p>Jongeren</p>"),
            **fields,
        )
        folder_for(organisation_page, type(method)).add_child(instance=method)
        method.save_revision().publish()
        return method

    return make


def create_listing_pages(home):
    from practices.models import MethodIndexPage, PublicationIndexPage, StoryIndexPage

    stories = home.add_child(
        instance=StoryIndexPage(title="Praktijkverhalen", slug="praktijkverhalen", show_in_menus=True)
    )
    methods = home.add_child(instance=MethodIndexPage(title="Methoden", slug="methoden", show_in_menus=True))
    publications = home.add_child(
        instance=PublicationIndexPage(title="Publicaties", slug="publicaties", show_in_menus=True)
    )
    return stories, methods, publications


@pytest.fixture
def listing_pages(home):
    return create_listing_pages(home)


def build_knowledge_base():
    """Two municipalities in two provinces, three stories and a method used by one of them; the
    ids `knowledge_base` fetches them by. Built in the order the fixtures it replaced built it."""
    from home.setup import ensure_site
    from practices.models import MethodEvidenceRecord
    from taxonomy.models import EvidenceLevel, LifeStage, PreventionLevel, WorkingFactor
    from taxonomy.setup import ensure_vocabularies

    home = ensure_site()
    create_listing_pages(home)
    org_index = home.add_child(instance=OrganisationIndexPage(title="Organisaties", slug="organisaties"))
    ensure_vocabularies()
    zwolle, zwolle_page = create_municipality(org_index, "Zwolle", Province.OVERIJSSEL)
    rotterdam, rotterdam_page = create_municipality(org_index, "Rotterdam", Province.ZUID_HOLLAND)
    teens = LifeStage.objects.get(slug="12-18")
    pregnancy = LifeStage.objects.get(slug="zwangerschap-geboorte")
    universal = PreventionLevel.objects.get(slug="universeel")
    selective = PreventionLevel.objects.get(slug="selectief")
    level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
    think = MethodPage(
        title="THINK op school",
        summary="Wekelijkse les sociaal-emotionele vaardigheden.",
        aim="<p>Weerbaarheid</p>",
        target_group="<p>Brugklassers</p>",
        age_min=12,
        age_max=13,
    )
    think.life_stages = [teens]
    think.prevention_levels = [universal]
    think.evidence_records = [MethodEvidenceRecord(scheme=level.scheme, level=level, committee="Erkenningscommissie")]
    folder_for(zwolle_page, type(think)).add_child(instance=think)
    think.save_revision().publish()
    think_story = create_story(
        zwolle_page,
        "Elke week een THINK-les in de brugklas",
        life_stages=[teens],
        methods=[think],
        key_figures=[{"label": "klassen", "value": "12", "source": "Seed 003"}],
    )
    think_story.prevention_levels.set([universal])
    think_story.working_factors.set([WorkingFactor.objects.get(number=7)])
    think_story.themes.add("weerbaarheid")
    think_story.save_revision().publish()
    teen_story = create_story(rotterdam_page, "Jongeren op straat", life_stages=[teens])
    mothers_story = create_story(rotterdam_page, "Moeders van Rotterdam", life_stages=[pregnancy])
    mothers_story.prevention_levels.set([selective])
    mothers_story.save_revision().publish()
    return {
        "organisations": {"zwolle": zwolle.pk, "rotterdam": rotterdam.pk},
        "methods": {"think": think.pk},
        "stories": {"think_story": think_story.pk, "teen_story": teen_story.pk, "mothers_story": mothers_story.pk},
    }


@pytest.fixture(scope="session")
def knowledge_base_snapshot(data_snapshots):
    """`build_knowledge_base()` once per test process (about a CPU second on SQLite, used by
    some forty-five tests), put back per test from a table snapshot (tests/conftest.py,
    DataSnapshots): both search indexes' rows come back with it, SQLite's FTS5 tables included
    (test_search_fields.py and test_open_data_api.py prove each findable after a restore)."""
    return data_snapshots.take("knowledge_base", build_knowledge_base)


@pytest.fixture
def knowledge_base(db, knowledge_base_snapshot):
    """Two municipalities in two provinces, three stories and a method used by one of them: fresh
    objects from the database, put back from `knowledge_base_snapshot`."""
    with knowledge_base_snapshot.restored_for_test() as ids:
        yield {
            **{name: Organisation.objects.get(pk=pk) for name, pk in ids["organisations"].items()},
            **{name: MethodPage.objects.get(pk=pk) for name, pk in ids["methods"].items()},
            **{name: PracticeStoryPage.objects.get(pk=pk) for name, pk in ids["stories"].items()},
        }
