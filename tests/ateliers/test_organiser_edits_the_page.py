"""An atelier's organisers change its page themselves: a new room or time, published at once.

The "Bericht aan deelnemers" screen tells an organiser to put a new time or place on the page
and publish it before sending the change (then everyone with a seat gets a calendar update).
So an organiser of an organisation that (co-)organises the atelier may edit and publish that
page, and only that page: not another organisation's atelier, not delete or move it. A real
deployment gets the organisers' group from `setup_site`, not from the demo.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from ateliers.models import AtelierPage
from ateliers.setup import ORGANISER_GROUP, ensure_organiser_group
from organisations.models import Membership, Organisation, OrganisationType
from tests.factories import verified_member

from .conftest import as_post, edit_form_data

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-1"


def organiser_of(organisation, email):
    user = verified_member(email, PASSWORD)
    user.groups.add(ensure_organiser_group())
    Membership.objects.create(organisation=organisation, user=user)
    return user


def test_set_up_without_the_demo_has_the_organisers_group_with_its_rights():
    call_command("setup_site", stdout=open("/dev/null", "w"))
    group = Group.objects.get(name=ORGANISER_GROUP)
    rights = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert {"ateliers.change_registration", "ateliers.change_atelierpage", "wagtailadmin.access_admin"} <= rights
    assert not any(right.startswith(("wagtailcore.", "auth.")) for right in rights)


def test_an_organiser_publishes_a_new_room_on_her_own_atelier(client, atelier, organising_organisation):
    organiser = organiser_of(organising_organisation, "olga@example.nl")
    client.force_login(organiser)

    manage_url = reverse("ateliers_admin:manage", args=[atelier.pk])
    edit_link = BeautifulSoup(client.get(manage_url).content, "html.parser").find("a", string="Pagina bewerken")
    edit_url = edit_link["href"]
    form = client.get(edit_url)
    assert form.status_code == 200
    assert b'name="action-publish"' in form.content

    data = edit_form_data(client, atelier)
    data["venue"] = "Grote zaal, Stadhuis"
    data["action-publish"] = "action-publish"
    data["next"] = manage_url
    landing = client.post(edit_url, as_post(data), follow=True)

    # Back on the atelier's own screen, not on a page tree she may not browse.
    assert landing.redirect_chain[-1][0] == manage_url
    assert [str(message).split("\n")[0] for message in landing.context["messages"]] == [
        "Pagina &#x27;Kracht uit netwerken&#x27; is gepubliceerd."
    ]
    atelier.refresh_from_db()
    assert atelier.venue == "Grote zaal, Stadhuis"
    assert atelier.live and not atelier.has_unpublished_changes
    assert client.get(atelier.url).content.decode().count("Grote zaal, Stadhuis") >= 1


def test_an_organiser_may_not_delete_move_or_add_below_her_atelier(atelier, organising_organisation):
    organiser = organiser_of(organising_organisation, "olga@example.nl")
    rights = atelier.permissions_for_user(organiser)
    assert rights.can_edit() and rights.can_publish()
    assert not rights.can_delete() and not rights.can_move() and not rights.can_unpublish()
    assert not rights.can_add_subpage()
    assert not atelier.get_parent().permissions_for_user(organiser).can_edit()


def test_an_organiser_of_another_organisation_cannot_edit_the_atelier(client, atelier):
    other = Organisation.objects.create(name="Ander Instituut", type=OrganisationType.KNOWLEDGE_INSTITUTE)
    stranger = organiser_of(other, "stan@example.nl")
    assert not atelier.permissions_for_user(stranger).can_edit()
    client.force_login(stranger)
    response = client.get(f"/admin/pages/{atelier.pk}/edit/")
    assert response.status_code in (302, 403)
    assert AtelierPage.objects.get(pk=atelier.pk).venue == "Timmerhuis"


def test_a_member_without_the_organisers_rights_cannot_edit(atelier, organising_organisation):
    member = verified_member("mo@example.nl", PASSWORD)
    Membership.objects.create(organisation=organising_organisation, user=member)
    assert not atelier.permissions_for_user(member).can_edit()
