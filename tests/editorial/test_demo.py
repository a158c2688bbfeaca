"""The editorial demo: organisations onboarded, people in their roles, content in every state."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, WorkflowState

from accounts.models import User
from practices.models import MethodPage, PracticeStoryPage, PublicationPage

pytestmark = pytest.mark.django_db


def workflow_status(page):
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-created_at").first()
    return state.status if state else None


def test_demo_has_every_workflow_state_and_is_idempotent(demo_content, client):
    stories = {
        page.slug: page
        for page in PracticeStoryPage.objects.filter(owner__email="redacteur.zwolle@demo.samenpreventief.nl")
    }
    assert not stories["think-naar-groep-7-en-8"].live
    assert workflow_status(stories["think-naar-groep-7-en-8"]) is None
    assert workflow_status(stories["think-op-school-naar-zes-scholen"]) == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_status(stories["mentoren-en-gastdocenten"]) == WorkflowState.STATUS_NEEDS_CHANGES
    scheduled = stories["think-themablokken-bovenbouw"]
    assert not scheduled.live and scheduled.get_latest_revision().approved_go_live_at
    assert stories["think-tweede-klas"].live
    method = MethodPage.objects.get(slug="ouders-in-actie")
    assert method.current_workflow_task.name == "Bewijskrachtbeoordeling door kennisinstituut"
    publication = PublicationPage.objects.get(slug="veel-praktijk-weinig-erkend-bewijs")
    assert publication.current_workflow_task.name == "Meelezen door co-auteur"

    reviewer = User.objects.get(email="reviewer.nji@demo.samenpreventief.nl")
    assert client.login(email=reviewer.email, password="demo-wachtwoord-2026")
    assert "Ouders in Actie" in client.get("/admin/").content.decode()

    pages, states = Page.objects.count(), WorkflowState.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (Page.objects.count(), WorkflowState.objects.count()) == (pages, states)
