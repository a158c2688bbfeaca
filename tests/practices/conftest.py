import pytest

from organisations.models import Organisation, OrganisationIndexPage, OrganisationPage, OrganisationType, Province
from practices.models import MethodPage, PracticeStoryPage, StoryKeyFigure


@pytest.fixture
def vocabularies(db):
    from taxonomy import demo

    demo.load(lambda message: None)


@pytest.fixture
def home(db):
    from home import demo
    from home.demo import get_home

    demo.load(lambda message: None)
    return get_home()


@pytest.fixture
def org_index(home):
    return home.add_child(instance=OrganisationIndexPage(title="Organisaties", slug="organisaties"))


@pytest.fixture
def make_municipality(org_index):
    def make(place, province=Province.ZUID_HOLLAND):
        organisation = Organisation.objects.create(
            name=f"Gemeente {place}", short_name=place, type=OrganisationType.MUNICIPALITY, province=province
        )
        page = org_index.add_child(
            instance=OrganisationPage(title=organisation.name, slug=organisation.slug, organisation=organisation)
        )
        return organisation, page

    return make


@pytest.fixture
def make_story(vocabularies):
    def make(organisation_page, title, **fields):
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
        organisation_page.add_child(instance=story)
        story.save_revision().publish()
        return story

    return make


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
        organisation_page.add_child(instance=method)
        method.save_revision().publish()
        return method

    return make
