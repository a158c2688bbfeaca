"""A practice story travels editor → own coordinator → published, through the real admin."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from editorial.services import COORDINATOR_TASK, STORY_WORKFLOW
from organisations.sections import folder_for
from practices.models import PracticeStoryPage

from .conftest import page_form_data

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail's admin answers a refused action with 403 or a redirect to the dashboard."""
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home"), response


def new_story(organisation, title="Huiswerkklas in de wijk"):
    return PracticeStoryPage(
        title=title,
        slug="",
        municipality=organisation,
        standfirst="Een wijkteam en een school openen samen een huiswerkklas.",
        target_group="Kinderen van 8 tot 12 jaar",
    )


def create_story(client, user, organisation, action="action-submit", **overrides):
    client.force_login(user)
    story = new_story(organisation, overrides.pop("title", "Huiswerkklas in de wijk"))
    data = page_form_data(story, slug="huiswerkklas", **overrides)
    if action:
        data[action] = "1"
    url = reverse(
        "wagtailadmin_pages:add",
        args=["practices", "practicestorypage", folder_for(organisation.page, PracticeStoryPage).pk],
    )
    return client.post(url, data)


def workflow_action(client, user, page, action, **data):
    client.force_login(user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_submitting_starts_the_story_workflow_at_the_own_coordinator(
    client, platform, django_capture_on_commit_callbacks
):
    users = platform.users
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = create_story(client, users.editor, platform.zwolle)
    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(slug="huiswerkklas")
    assert not story.live
    state = story.current_workflow_state
    assert state.workflow.name == STORY_WORKFLOW
    assert story.current_workflow_task.name == COORDINATOR_TASK
    # The Zwolle coordinator is told it is their turn, in Dutch; Rotterdam's coordinator is not.
    to_coordinator = [message for message in mail.outbox if message.to == [users.coordinator.email]]
    assert len(to_coordinator) == 1
    assert "Wacht op u" in to_coordinator[0].subject
    assert "Huiswerkklas in de wijk" in to_coordinator[0].body
    assert not [message for message in mail.outbox if users.other_coordinator.email in message.to]


def test_reject_fix_approve_publishes_and_keeps_history(client, platform):
    users = platform.users
    create_story(client, users.editor, platform.zwolle)
    story = PracticeStoryPage.objects.get(slug="huiswerkklas")

    mail.outbox.clear()
    response = workflow_action(
        client, users.coordinator, story, "reject", comment="Noem ook de kosten per kind, graag."
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The author hears back in Dutch, with the coordinator's comment.
    to_editor = [message for message in mail.outbox if message.to == [users.editor.email]]
    assert to_editor, "the author gets the rejection"
    assert "Noem ook de kosten per kind" in to_editor[0].body
    assert "afgekeurd" in (to_editor[0].subject + to_editor[0].body).lower() or "wijziging" in to_editor[0].body.lower()

    # The editor fixes the story and resubmits.
    client.force_login(users.editor)
    data = page_form_data(story.get_latest_revision_as_object(), standfirst="Nu met kosten: € 40 per kind.")
    data["action-submit"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    response = workflow_action(client, users.coordinator, story, "approve")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    assert story.standfirst == "Nu met kosten: € 40 per kind."
    assert client.get(story.url).status_code == 200

    actions = set(PageLogEntry.objects.filter(page=story).values_list("action", flat=True))
    assert {
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions


def test_other_organisations_coordinator_cannot_approve(client, platform):
    users = platform.users
    create_story(client, users.editor, platform.zwolle)
    story = PracticeStoryPage.objects.get(slug="huiswerkklas")
    response = workflow_action(client, users.other_coordinator, story, "approve")
    assert_refused(response)
    story.refresh_from_db()
    assert not story.live


def test_task_state_of_another_organisation_cannot_be_smuggled_in(client, platform):
    """The workflow action URL names a page and a task state separately; both must match the moderator."""
    users = platform.users
    create_story(client, users.editor, platform.zwolle)
    zwolle_story = PracticeStoryPage.objects.get(slug="huiswerkklas")
    create_story(client, users.other_editor, platform.rotterdam, title="Rotterdams verhaal")
    rotterdam_story = PracticeStoryPage.objects.get(title="Rotterdams verhaal")

    client.force_login(users.coordinator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[zwolle_story.pk, "approve", rotterdam_story.current_workflow_task_state.pk],
    )
    response = client.post(url)
    assert_refused(response)
    rotterdam_story.refresh_from_db()
    assert not rotterdam_story.live


def test_scheduled_story_goes_live_with_publish_scheduled(client, platform):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    users = platform.users
    go_live = timezone.now() + timedelta(days=1)
    create_story(client, users.editor, platform.zwolle, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    story = PracticeStoryPage.objects.get(slug="huiswerkklas")
    workflow_action(client, users.coordinator, story, "approve")
    story.refresh_from_db()
    assert not story.live
    revision = story.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert (
        client.get(story.url or f"/organisaties/{platform.zwolle.slug}/praktijkverhalen/huiswerkklas/").status_code
        == 404
    )

    # A day passes: the scheduled moment is now in the past.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live
