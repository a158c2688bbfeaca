""" "Voorbeeld bekijken" works for every page type, new or existing, and so does the reviewers' preview (#12.7)."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page

from ateliers.models import AtelierPage, AtelierSeriesPage
from home.setup import get_home
from organisations.sections import folder_for
from practices.models import MethodEvidenceRecord, MethodPage, PracticeStoryPage, PublicationPage
from taxonomy.models import EvidenceLevel

from .conftest import page_form_data

pytestmark = pytest.mark.django_db


def story(platform):
    return PracticeStoryPage(
        title="Huiswerkklas",
        slug="huiswerkklas",
        municipality=platform.zwolle,
        standfirst="Een wijkteam en een school openen samen een huiswerkklas.",
        target_group="Kinderen van 8 tot 12 jaar",
    )


def method(platform):
    level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
    page = MethodPage(
        title="Kids & Koffie",
        slug="kids-en-koffie",
        summary="Ouders ontmoeten elkaar op school.",
        aim="<p>Ouders verbinden.</p>",
        target_group="<p>Ouders</p>",
    )
    page.evidence_records = [MethodEvidenceRecord(scheme=level.scheme, level=level, committee="Commissie")]
    return page


def publication(platform):
    return PublicationPage(title="Opvoeden in de wijk", slug="opvoeden-in-de-wijk", summary="Verkennend onderzoek.")


def atelier(platform):
    return AtelierPage(
        title="Kracht uit netwerken",
        slug="kracht-uit-netwerken",
        date=datetime.date.today() + datetime.timedelta(days=30),
        summary="Netwerken rond opvoeden.",
    )


def parent_for(page, platform):
    if isinstance(page, AtelierPage):
        series = AtelierSeriesPage.objects.first()
        if series is None:
            series = get_home().add_child(instance=AtelierSeriesPage(title="Kennisateliers", slug="ateliers"))
        return series
    return folder_for(platform.zwolle.page, type(page))


NEW_PAGES = [story, method, publication, atelier]


def form_data(page):
    # An atelier's audiences are checkboxes: nothing ticked is no value at all.
    return page_form_data(page, audiences=None)


def preview(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 200, response.content[:500]
    assert response.json()["is_valid"], response.json()
    response = client.get(url)
    assert response.status_code == 200, response.content[:2000]
    return response


@pytest.mark.parametrize("make", NEW_PAGES, ids=lambda make: make.__name__)
def test_preview_of_an_existing_page(client, platform, make):
    page = make(platform)
    parent_for(page, platform).add_child(instance=page)
    page.save_revision().publish()
    client.force_login(platform.users.admin)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = preview(client, url, form_data(page.get_latest_revision_as_object()))
    assert escape(page.title) in response.content.decode()


@pytest.mark.parametrize("make", NEW_PAGES, ids=lambda make: make.__name__)
def test_preview_of_a_page_not_saved_yet(client, platform, make):
    page = make(platform)
    parent = parent_for(page, platform)
    client.force_login(platform.users.admin)
    model = type(page)._meta
    url = reverse("wagtailadmin_pages:preview_on_add", args=[model.app_label, model.model_name, parent.pk])
    response = preview(client, url, form_data(page))
    assert escape(page.title) in response.content.decode()


def test_preview_of_the_organisation_page(client, platform):
    page = platform.zwolle.page
    client.force_login(platform.users.admin)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    preview(client, url, page_form_data(page.specific))


def test_reviewers_preview_in_the_workflow(client, platform):
    users = platform.users
    client.force_login(users.editor)
    data = page_form_data(method(platform), **{"action-submit": "1"})
    add_url = reverse(
        "wagtailadmin_pages:add", args=["practices", "methodpage", folder_for(platform.zwolle.page, MethodPage).pk]
    )
    assert client.post(add_url, data).status_code == 302
    page = Page.objects.get(slug="kids-en-koffie")

    client.force_login(users.coordinator)
    task = page.current_workflow_task
    response = client.get(reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]))
    assert response.status_code == 200
    assert "Kids &amp; Koffie" in response.content.decode()

    task_state = page.current_workflow_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]))
    page = Page.objects.get(pk=page.pk)
    client.force_login(users.reviewer)
    response = client.get(reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, page.current_workflow_task.pk]))
    assert response.status_code == 200
    assert "Kids &amp; Koffie" in response.content.decode()
