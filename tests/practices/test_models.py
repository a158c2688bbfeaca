import pytest
from django.core.exceptions import ValidationError

from organisations.models import Province
from organisations.sections import ensure_section_folders, folder_for
from practices.models import MethodPage, PracticeStoryPage, PublicationPage
from taxonomy.models import LifeStage


@pytest.mark.parametrize("model", [PracticeStoryPage, MethodPage, PublicationPage])
def test_content_pages_live_in_their_own_folder_of_an_organisation_section(
    client, django_user_model, home, org_index, make_municipality, model
):
    """Even an administrator gets the add form only in the organisation's folder for that type:
    the folder decides the page's workflow and who may publish it (issue #15)."""
    client.force_login(django_user_model.objects.create_superuser(email="beheer@example.nl", password="x-wachtwoord-1"))
    _organisation, organisation_page = make_municipality("Zwolle")
    own_folder = folder_for(organisation_page, model)
    other_folders = [
        folder for folder in ensure_section_folders(organisation_page).values() if folder.pk != own_folder.pk
    ]
    add_under = f"/admin/pages/add/practices/{model._meta.model_name}/{{}}/".format
    assert client.get(add_under(own_folder.pk)).status_code == 200
    for elsewhere in (home, org_index, organisation_page, *other_folders):  # Wagtail sends the refusal to the dashboard
        assert client.get(add_under(elsewhere.pk)).headers.get("Location") == "/admin/", elsewhere


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
