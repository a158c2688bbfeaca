"""Onboarding an organisation: idempotent, from the command line or the admin; memberships drive access."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowPage

from editorial.models import OrganisationGroup
from editorial.services import onboard_organisation
from organisations.models import Membership, Organisation, OrganisationPage, OrganisationType, Province

pytestmark = pytest.mark.django_db


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
        Redirect.objects.count(),
        OrganisationPage.objects.count(),
    )


def test_onboarding_creates_groups_section_collection_and_is_idempotent(platform):
    names = set(Group.objects.filter(organisation_role__organisation=platform.nji).values_list("name", flat=True))
    assert names == {
        "Nederlands Jeugdinstituut – redacteuren",
        "Nederlands Jeugdinstituut – coördinatoren",
        "Nederlands Jeugdinstituut – reviewers",
    }
    assert not OrganisationGroup.objects.filter(organisation=platform.zwolle, role="reviewer").exists()
    assert platform.zwolle.workspace.collection.name == "Gemeente Zwolle"
    assert {"Praktijkverhaal", "Methode", "Onderzoekspublicatie"} <= set(
        WorkflowPage.objects.values_list("workflow__name", flat=True)
    )
    before = counts()
    onboard_organisation(platform.zwolle)
    call_command("onboard_organisation", "--all", stdout=open("/dev/null", "w"))
    assert counts() == before


def test_onboarding_creates_a_missing_section_and_follows_a_rename(platform):
    leiden = Organisation.objects.create(
        name="Gemeente Leiden", type=OrganisationType.MUNICIPALITY, province=Province.ZUID_HOLLAND
    )
    call_command("onboard_organisation", leiden.slug, stdout=open("/dev/null", "w"))
    assert OrganisationPage.objects.get(organisation=leiden).live
    leiden.name = "Gemeente Leiden (Sleutelstad)"
    leiden.save()
    onboard_organisation(leiden)
    assert Group.objects.filter(name="Gemeente Leiden (Sleutelstad) – redacteuren").exists()
    assert not Group.objects.filter(name="Gemeente Leiden – redacteuren").exists()


def test_command_refuses_unknown_slug_with_a_dutch_message(platform):
    with pytest.raises(CommandError, match="Geen organisatie"):
        call_command("onboard_organisation", "bestaat-niet")


def test_memberships_drive_group_membership(platform):
    users = platform.users
    editors = platform.zwolle.editorial_groups.get(role="editor").group
    coordinators = platform.zwolle.editorial_groups.get(role="coordinator").group
    assert editors in users.editor.groups.all()
    assert not users.member.groups.filter(organisation_role__isnull=False).exists()

    membership = Membership.objects.get(user=users.editor, organisation=platform.zwolle)
    membership.role = Membership.Role.COORDINATOR
    membership.save()
    assert list(users.editor.groups.all()) == [coordinators]

    membership.delete()
    assert not users.editor.groups.exists()


def test_removing_a_member_in_the_admin_removes_their_access(client, platform):
    users = platform.users
    zwolle = platform.zwolle
    client.force_login(users.admin)
    memberships = list(zwolle.memberships.order_by("pk"))
    data = {
        "name": zwolle.name,
        "short_name": zwolle.short_name,
        "slug": zwolle.slug,
        "type": zwolle.type,
        "province": zwolle.province,
        "part_of": "",
        "website": "",
        "address": "",
        "description": "",
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(len(memberships)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, membership in enumerate(memberships):
        data[f"memberships-{index}-id"] = membership.pk
        data[f"memberships-{index}-user"] = membership.user_id
        data[f"memberships-{index}-role"] = membership.role
        if membership.user_id == users.editor.pk:
            data[f"memberships-{index}-DELETE"] = "on"
    response = client.post(reverse("wagtailsnippets_organisations_organisation:edit", args=[zwolle.pk]), data)
    assert response.status_code == 302
    assert not Membership.objects.filter(user=users.editor).exists()
    assert not users.editor.groups.exists()

    client.force_login(users.editor)
    response = client.get(reverse("wagtailadmin_explore", args=[zwolle.page.pk]))
    assert response.status_code in (302, 403)


def test_admin_onboarding_button_and_view(client, platform):
    leiden = Organisation.objects.create(
        name="Gemeente Leiden", type=OrganisationType.MUNICIPALITY, province=Province.ZUID_HOLLAND
    )
    url = reverse("editorial_onboard", args=[leiden.pk])

    client.force_login(platform.users.coordinator)
    client.post(url)
    assert not OrganisationGroup.objects.filter(organisation=leiden).exists()

    client.force_login(platform.users.admin)
    listing = client.get(reverse("wagtailsnippets_organisations_organisation:list"))
    assert url.encode() in listing.content
    assert b"Inrichten voor redactie" in listing.content
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert OrganisationGroup.objects.filter(organisation=leiden).count() == 2
    assert "is ingericht" in response.content.decode()
