from django.core.management import call_command

from organisations.models import StoryFolderPage
from practices.models import MethodPage, PracticeStoryPage, PublicationPage, StoryKeyFigure


def test_demo_knowledge_base_is_complete_and_idempotent(demo_content, client):
    # The knowledge-base demo's own stories; the editorial demo (ORDER 70) adds drafts and reviews
    # owned by its demo editors.
    stories = (
        PracticeStoryPage.objects.live()
        .filter(owner__isnull=True, locale__language_code="nl")
        .select_related("municipality")
    )
    assert stories.count() == 17
    assert {story.municipality.short_name for story in stories} >= {"Zwolle", "Tilburg", "Schiedam", "Hilversum"}
    tilburg = stories.get(municipality__short_name="Tilburg")
    assert tilburg.region.name == "Regio Hart van Brabant"
    for story in stories:
        # Every story lives in its municipality's stories folder, has working factors and sourced figures.
        folder = story.get_parent().specific
        assert isinstance(folder, StoryFolderPage)
        assert folder.get_parent().specific.organisation_id == story.municipality_id
        assert story.working_factors.exists(), story.title
        assert story.key_figures.exists(), story.title
    assert not StoryKeyFigure.objects.filter(source="").exists()
    # Seed 003 p. 30: factor 7 (proven methods) is mapped to Dordrecht, Eindhoven, Huizen and Zwolle.
    assert sorted(s.municipality.short_name for s in stories.filter(working_factors__number=7)) == [
        "Dordrecht",
        "Eindhoven",
        "Huizen",
        "Zwolle",
    ]

    assert MethodPage.objects.live().count() >= 15
    jit = MethodPage.objects.get(acronym="JIT")
    assert len(jit.approach) == 5 and len(jit.working_elements) == 7 and len(jit.effect_studies) == 2
    assert jit.stories.filter(municipality__short_name="Schiedam").exists()

    reports_with_reflections = PublicationPage.objects.filter(reflections__isnull=False).distinct()
    assert reports_with_reflections.count() >= 3
    assert PublicationPage.objects.filter(title="Jongeren & wijkteams").exists()

    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert PracticeStoryPage.objects.filter(owner__isnull=True, locale__language_code="nl").count() == 17
    assert StoryKeyFigure.objects.filter(page=tilburg).count() == 5

    response = client.get("/praktijkverhalen/?life_stage=zwangerschap-geboorte&province=zuid-holland")
    titles = {story.title for story in response.context["listing"].page_obj.object_list}
    assert titles == {"Bureau Frontlijn en de Moeders van Rotterdam", "VoorZorg: de vroegste preventie in Dordrecht"}
