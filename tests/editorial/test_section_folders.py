"""The editorial rules are Wagtail objects an administrator sees (issue #15), and moving content
into the section folders keeps every old URL working."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from editorial.services import onboard_organisation
from organisations.models import (
    MethodFolderPage,
    Organisation,
    OrganisationPage,
    OrganisationType,
    Province,
    PublicationFolderPage,
    StoryFolderPage,
)
from organisations.sections import ensure_section_folders, folder_for
from practices.models import MethodPage, PracticeStoryPage

pytestmark = pytest.mark.django_db


def test_a_newly_onboarded_organisation_gets_its_rules_as_workflow_assignments_and_group_permissions(platform):
    leiden = Organisation.objects.create(
        name="Gemeente Leiden", type=OrganisationType.MUNICIPALITY, province=Province.ZUID_HOLLAND
    )
    result = onboard_organisation(leiden)
    section = result.section

    workflows = {
        type(page.specific).__name__: WorkflowPage.objects.get(page=page).workflow.name
        for page in section.get_children()
    }
    assert workflows == {
        "StoryFolderPage": "Praktijkverhaal",
        "MethodFolderPage": "Methode",
        "PublicationFolderPage": "Onderzoekspublicatie",
    }

    def rights(role):
        return {
            (type(permission.page.specific).__name__, permission.permission.codename)
            for permission in GroupPagePermission.objects.filter(group=result.groups[role])
        }

    assert rights("editor") == {("OrganisationPage", "add_page"), ("OrganisationPage", "change_page")}
    assert rights("coordinator") == {
        ("OrganisationPage", "add_page"),
        ("OrganisationPage", "change_page"),
        ("OrganisationPage", "lock_page"),
        ("OrganisationPage", "unlock_page"),
        ("StoryFolderPage", "publish_page"),
    }


def test_wagtail_itself_refuses_a_coordinator_publishing_a_method_past_its_review(platform):
    """No hook takes the Publish button back: Wagtail's own permission tester never offers it."""
    coordinator = platform.users.coordinator
    story = PracticeStoryPage(title="Verhaal", municipality=platform.zwolle, standfirst="x", target_group="x")
    folder_for(platform.zwolle.page, PracticeStoryPage).add_child(instance=story)
    method = MethodPage(title="Methode", summary="x", aim="<p>x</p>", target_group="<p>x</p>")
    folder_for(platform.zwolle.page, MethodPage).add_child(instance=method)

    assert story.permissions_for_user(coordinator).can_publish()
    assert not method.permissions_for_user(coordinator).can_publish()
    assert method.permissions_for_user(coordinator).can_edit()
    assert platform.zwolle.page.permissions_for_user(coordinator).can_publish()
    assert not platform.rotterdam.page.permissions_for_user(coordinator).can_publish()
    assert not platform.zwolle.page.permissions_for_user(platform.users.editor).can_publish()
    # The workflow comes from the folder, through Wagtail's own lookup.
    assert method.get_workflow().name == "Methode"
    assert type(method).get_workflow is Page.get_workflow


def test_content_moved_into_its_folder_redirects_from_its_old_url(client, platform):
    """What migration editorial.0002 does to a section made before the folders existed."""
    section = platform.rotterdam.page
    story = PracticeStoryPage(
        title="Oude plek", slug="oude-plek", municipality=platform.rotterdam, standfirst="Intro", target_group="Ouders"
    )
    section.add_child(instance=story)  # the old layout: directly under the organisation page
    story.save_revision().publish()
    old_url = PracticeStoryPage.objects.get(pk=story.pk).url
    assert client.get(old_url).status_code == 200

    folders = ensure_section_folders(OrganisationPage.objects.get(pk=section.pk))

    moved = PracticeStoryPage.objects.get(pk=story.pk)
    assert moved.get_parent().pk == folders[StoryFolderPage].pk
    assert moved.url != old_url
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(moved.url)
    assert client.get(moved.url).status_code == 200

    # Running it again changes nothing.
    before = (Redirect.objects.count(), Page.objects.count())
    ensure_section_folders(OrganisationPage.objects.get(pk=section.pk))
    assert (Redirect.objects.count(), Page.objects.count()) == before


def test_a_folder_url_leads_to_its_organisation_page(client, platform):
    for folder_type in (StoryFolderPage, MethodFolderPage, PublicationFolderPage):
        folder = folder_type.objects.child_of(platform.zwolle.page).get()
        response = client.get(folder.url)
        assert response.status_code == 302
        assert response["Location"].startswith(platform.zwolle.page.url)
