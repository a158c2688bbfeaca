"""A slow save never becomes an error or a duplicate, whatever autosave or a second click sends (issue #13.1).

Each POST here is what the browser sends: the edit form with the hidden inputs that Wagtail's
workflow-action.js adds for "Goedkeuren en publiceren", and Wagtail 8's autosave, which posts
that same form asking for JSON. The last tests overlap two requests for real (PostgreSQL).
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.signals import task_approved

from organisations.sections import folder_for
from practices.models import PracticeStoryPage

from .conftest import page_form_data
from .test_story_workflow import create_story, new_story

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


def edit_screen_form(client, story):
    """The edit form as the screen holds it: the fields plus the stamp of the loaded revision."""
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200
    revision = story.get_latest_revision()
    data = page_form_data(revision.as_object())
    data.update(loaded_revision_id=str(revision.pk), loaded_revision_created_at=revision.created_at.isoformat())
    return data


def submitted_story(client, platform):
    create_story(client, platform.users.editor, platform.zwolle)
    return PracticeStoryPage.objects.get(slug="huiswerkklas")


def assert_published_once(client, story):
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live
    assert not story.has_unpublished_changes, "no draft was saved on top of the approved version"
    assert Client().get(story.url).status_code == 200
    approvals = PageLogEntry.objects.filter(page=story, action="wagtail.workflow.approve").count()
    publications = PageLogEntry.objects.filter(page=story, action="wagtail.publish").count()
    assert (approvals, publications) == (1, 1)


@pytest.mark.django_db
def test_approve_and_publish_from_the_edit_screen_then_autosave(client, platform):
    story = submitted_story(client, platform)
    client.force_login(platform.users.coordinator)
    form = {**edit_screen_form(client, story), **APPROVE}
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])

    response = client.post(url, form)
    assert response.status_code == 302
    # Autosave posts the same form, hidden inputs included, a moment later.
    response = client.post(url, form, **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["success"] is False

    assert_published_once(client, story)


@pytest.mark.django_db
def test_second_click_on_approve_changes_nothing_and_says_so(client, platform):
    story = submitted_story(client, platform)
    client.force_login(platform.users.coordinator)
    form = {**edit_screen_form(client, story), **APPROVE}
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    client.post(url, form)
    revisions = PracticeStoryPage.objects.get(pk=story.pk).revisions.count()

    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    assert "Deze stap is al afgehandeld" in response.content.decode()
    assert PracticeStoryPage.objects.get(pk=story.pk).revisions.count() == revisions
    assert_published_once(client, story)


@pytest.mark.django_db
def test_submit_that_arrives_after_autosave_created_the_page_submits_that_page(client, platform):
    """Autosave creates the new page while the "Indienen" click is still on its way to the add URL."""
    users = platform.users
    client.force_login(users.editor)
    form = page_form_data(new_story(platform.zwolle), slug="huiswerkklas")
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["practices", "practicestorypage", folder_for(platform.zwolle.page, PracticeStoryPage).pk],
    )

    response = client.post(add_url, form, **AUTOSAVE)
    assert response.status_code == 200 and response.json()["success"]
    response = client.post(add_url, {**form, "action-submit": "1"}, follow=True)

    assert response.status_code == 200
    assert PracticeStoryPage.objects.filter(title="Huiswerkklas in de wijk").count() == 1
    story = PracticeStoryPage.objects.get(slug="huiswerkklas")
    assert story.workflow_in_progress
    assert not story.live


@pytest.mark.django_db
def test_an_old_draft_with_the_same_slug_is_not_taken_over(client, platform):
    """Only a draft made moments ago counts as the same page; otherwise the slug is simply taken."""
    from datetime import timedelta

    from django.utils import timezone

    users = platform.users
    client.force_login(users.editor)
    form = page_form_data(new_story(platform.zwolle), slug="huiswerkklas")
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["practices", "practicestorypage", folder_for(platform.zwolle.page, PracticeStoryPage).pk],
    )
    client.post(add_url, form, **AUTOSAVE)
    old = PracticeStoryPage.objects.get(slug="huiswerkklas")
    old.revisions.update(created_at=timezone.now() - timedelta(days=2))

    response = client.post(add_url, {**form, "standfirst": "Een heel ander verhaal.", "action-submit": "1"})

    assert response.status_code == 200
    assert "is al in gebruik" in response.content.decode() or "already in use" in response.content.decode()
    old = PracticeStoryPage.objects.get(pk=old.pk)
    assert not old.workflow_in_progress
    assert old.get_latest_revision_as_object().standfirst != "Een heel ander verhaal."


# --- two requests at the same time ------------------------------------------------------------


def overlapping_posts(url, first_user, first_data, second_user, second_data, second_headers):
    """Post `first_data` and, while its approval is under way, `second_data` to the same URL.

    The approval waits (up to a few seconds) until the second request has read the page and
    is about to write; the second request then waits until the first has answered. Without
    anything that orders the two, this is the overlap the issue describes; with it, the second
    request simply starts after the first and the waits time out.
    """
    second_is_writing = threading.Event()
    first_answered = threading.Event()
    responses = {}

    def hold_the_approval(**kwargs):
        if threading.current_thread().name == "first":
            second_is_writing.wait(timeout=3)

    def hold_the_second_write(sender, **kwargs):
        if threading.current_thread().name == "second":
            second_is_writing.set()
            first_answered.wait(timeout=3)

    from django.db.models.signals import pre_save

    def run(name, user, data, headers):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        try:
            responses[name] = client.post(url, data, **headers)
        finally:
            if name == "first":
                first_answered.set()
            connection.close()

    task_approved.connect(hold_the_approval, weak=False)
    pre_save.connect(hold_the_second_write, sender=PracticeStoryPage, weak=False)
    try:
        first = threading.Thread(target=run, name="first", args=("first", first_user, first_data, {}))
        second = threading.Thread(target=run, name="second", args=("second", second_user, second_data, second_headers))
        first.start()
        # Let the first request get into its approval before the second one starts.
        threading.Event().wait(0.5)
        second.start()
        first.join(20)
        second.join(20)
    finally:
        task_approved.disconnect(hold_the_approval)
        pre_save.disconnect(hold_the_second_write, sender=PracticeStoryPage)
    return responses["first"], responses["second"]


@pytest.mark.parametrize("second_request", ["autosave", "second click"])
def test_approval_overlapping_with_autosave_or_a_second_click(
    transactional_db, postgres_only, platform, second_request
):
    client = Client()
    story = submitted_story(client, platform)
    coordinator = platform.users.coordinator
    client.force_login(coordinator)
    form = {**edit_screen_form(client, story), **APPROVE}
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    headers = AUTOSAVE if second_request == "autosave" else {}

    first, second = overlapping_posts(url, coordinator, form, coordinator, form, headers)

    assert first.status_code == 302
    assert second.status_code < 500, second.content[:500]
    assert_published_once(client, story)
