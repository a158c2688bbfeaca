import pytest
from django.core.exceptions import ValidationError

from organisations.models import OrganisationPage, Province
from practices.models import MethodPage, PracticeStoryPage, PublicationPage
from taxonomy.models import LifeStage


def test_content_pages_live_under_an_organisation_page():
    for model in (PracticeStoryPage, MethodPage, PublicationPage):
        assert model.parent_page_types == ["organisations.OrganisationPage"]
        assert model in OrganisationPage.allowed_subpage_models()


def test_story_takes_its_province_from_the_municipality(make_municipality, make_story):
    _organisation, page = make_municipality("Zwolle", Province.OVERIJSSEL)
    story = make_story(page, "THINK op school", life_stages=[LifeStage.objects.get(slug="12-18")])
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.province == "overijssel"
    assert story.province_display == "Overijssel"
    assert story.life_stage_slugs == ["12-18"]


@pytest.mark.django_db
def test_age_range_must_not_be_inverted():
    story = PracticeStoryPage(title="x", age_min=18, age_max=12)
    with pytest.raises(ValidationError) as error:
        story.clean_age_range()
    assert "mag niet lager zijn" in str(error.value)
