"""A story is attributed to a municipality the editor's organisation works for (#13.7)."""

import pytest
from django.urls import reverse

from organisations.models import Organisation, OrganisationType, Province
from organisations.sections import folder_for
from practices.models import PracticeStoryPage

from .conftest import page_form_data
from .test_story_workflow import new_story

pytestmark = pytest.mark.django_db


def add_url(platform):
    return reverse(
        "wagtailadmin_pages:add",
        args=["practices", "practicestorypage", folder_for(platform.zwolle.page, PracticeStoryPage).pk],
    )


def post_story(client, user, platform, municipality):
    client.force_login(user)
    data = page_form_data(new_story(platform.zwolle), slug="huiswerkklas", municipality=municipality.pk)
    return client.post(add_url(platform), data)


def offered_municipalities(client, user, platform):
    client.force_login(user)
    response = client.get(add_url(platform))
    field = response.context["form"].fields["municipality"]
    return set(field.queryset.values_list("name", flat=True))


def test_zwolle_editor_cannot_attribute_a_story_to_rotterdam(client, platform):
    response = post_story(client, platform.users.editor, platform, platform.rotterdam)

    assert response.status_code == 200
    assert "U kunt alleen een gemeente kiezen waarvoor uw organisatie werkt" in response.content.decode()
    assert not PracticeStoryPage.objects.filter(slug="huiswerkklas").exists()


def test_zwolle_editor_is_offered_zwolle_only_and_can_use_it(client, platform):
    assert offered_municipalities(client, platform.users.editor, platform) == {"Gemeente Zwolle"}
    response = post_story(client, platform.users.editor, platform, platform.zwolle)
    assert response.status_code == 302
    assert PracticeStoryPage.objects.get(slug="huiswerkklas").municipality == platform.zwolle


def test_a_region_works_for_its_municipalities(client, platform):
    region = Organisation.objects.create(name="Regio IJsselland", type=OrganisationType.REGION)
    platform.zwolle.part_of = region
    platform.zwolle.save()
    kampen = Organisation.objects.create(
        name="Gemeente Kampen", type=OrganisationType.MUNICIPALITY, province=Province.OVERIJSSEL, part_of=region
    )
    from editorial.services import municipalities_worked_for

    assert set(municipalities_worked_for([region])) == {platform.zwolle, kampen}
    assert set(municipalities_worked_for([platform.nji])) == set()


def test_platform_administrators_may_attribute_any_municipality(client, platform):
    offered = offered_municipalities(client, platform.users.platform_admin, platform)
    assert {"Gemeente Zwolle", "Gemeente Rotterdam"} <= offered
    response = post_story(client, platform.users.platform_admin, platform, platform.rotterdam)
    assert response.status_code == 302
    assert PracticeStoryPage.objects.get(slug="huiswerkklas").municipality == platform.rotterdam
