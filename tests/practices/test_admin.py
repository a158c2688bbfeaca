import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from organisations.sections import folder_for
from practices.models import PracticeStoryPage


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(email="beheer@example.nl", password="x-wachtwoord-1")
    client.force_login(user)
    return client


def _story_form(municipality, **overrides):
    data = {
        "title": "Een nieuw verhaal",
        "slug": "een-nieuw-verhaal",
        "municipality": municipality.pk,
        "standfirst": "Kort en krachtig.",
        "body": streamfield([]),
        "links": streamfield([]),
        "target_group": "Jongeren",
        "status": "running",
        "costs_and_funding": rich_text(""),
        "success_factors": rich_text(""),
        "challenges": rich_text(""),
        "next_steps": rich_text(""),
        "spokespeople": inline_formset([]),
        "key_figures": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_gets_tabbed_story_form_with_dutch_help(editor_client, make_municipality, vocabularies):
    _organisation, organisation_page = make_municipality("Zwolle")
    stories = folder_for(organisation_page, PracticeStoryPage)
    response = editor_client.get(f"/admin/pages/add/practices/practicestorypage/{stories.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    for tab in ("Verhaal", "Doelgroep", "Aanpak en resultaten", "Links en bron"):
        assert tab in content
    assert "De provincie volgt uit de gemeente." in content


def test_inverted_age_range_is_refused_with_a_dutch_message(editor_client, make_municipality, vocabularies):
    organisation, organisation_page = make_municipality("Zwolle")
    stories = folder_for(organisation_page, PracticeStoryPage)
    url = f"/admin/pages/add/practices/practicestorypage/{stories.pk}/"
    response = editor_client.post(url, _story_form(organisation, age_min=18, age_max=12))
    assert response.status_code == 200
    assert "mag niet lager zijn dan de leeftijd" in response.content.decode()
    assert not PracticeStoryPage.objects.exists()

    response = editor_client.post(url, _story_form(organisation, age_min=12, age_max=18))
    assert response.status_code == 302, response.content.decode()[:3000]
    story = PracticeStoryPage.objects.get()
    assert story.get_parent().pk == stories.pk
