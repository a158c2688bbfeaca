"""Methods pass the owner's coordinator and then a knowledge institute's evidence review;
research publications pass a co-author and a privacy check. All through the admin URLs."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from editorial.services import (
    CO_AUTHOR_TASK,
    EVIDENCE_TASK,
    METHOD_WORKFLOW,
    PRIVACY_TASK,
    PUBLICATION_WORKFLOW,
)
from organisations.models import Membership
from organisations.sections import folder_for
from practices.models import EvidenceStatus, MethodEvidenceRecord, MethodPage, PublicationPage
from taxonomy.models import EvidenceLevel

from .conftest import page_form_data

pytestmark = pytest.mark.django_db


def submit_new(client, user, organisation, page, slug):
    client.force_login(user)
    data = page_form_data(page, slug=slug)
    data["action-submit"] = "1"
    model = type(page)._meta
    folder = folder_for(organisation.page, type(page))
    url = reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, folder.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    return Page.objects.get(slug=slug).specific


def act(client, user, page, action, **data):
    client.force_login(user)
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def new_method():
    return MethodPage(
        title="Kids & Koffie",
        summary="Ouders ontmoeten elkaar op school bij een kop koffie.",
        aim="<p>Ouders met elkaar verbinden.</p>",
        target_group="<p>Ouders van basisschoolkinderen</p>",
    )


def test_method_needs_coordinator_then_evidence_review_which_records_level_and_reason(
    client, platform, django_capture_on_commit_callbacks
):
    users = platform.users
    method = submit_new(client, users.editor, platform.zwolle, new_method(), "kids-en-koffie")
    assert method.current_workflow_state.workflow.name == METHOD_WORKFLOW

    # A reviewer cannot jump the queue: the owner's coordinator goes first.
    act(client, users.reviewer, method, "approve", level="", reason="")
    assert Page.objects.get(pk=method.pk).current_workflow_task.name != EVIDENCE_TASK

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, users.coordinator, method, "approve")
    method = MethodPage.objects.get(pk=method.pk)
    assert method.current_workflow_task.name == EVIDENCE_TASK
    assert not method.live
    # Now it is the knowledge institute's turn, and they are told so.
    assert [m for m in mail.outbox if m.to == [users.reviewer.email]]

    # A reason is required.
    level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
    act(client, users.reviewer, method, "approve", level=level.pk, reason="")
    assert MethodPage.objects.get(pk=method.pk).current_workflow_task.name == EVIDENCE_TASK

    act(client, users.reviewer, method, "approve", level=level.pk, reason="Theorie en aanpak zijn goed uitgewerkt.")
    method = MethodPage.objects.get(pk=method.pk)
    assert method.live
    record = MethodEvidenceRecord.objects.get(page=method)
    assert record.level == level
    assert record.scheme == level.scheme
    assert record.reason == "Theorie en aanpak zijn goed uitgewerkt."
    assert record.committee == "Nederlands Jeugdinstituut"
    assert record.date == date.today()
    assert record.status == EvidenceStatus.RECOGNISED
    # The judgement is in the page history as the task's comment.
    approved = TaskState.objects.filter(
        workflow_state__object_id=str(method.pk), status=TaskState.STATUS_APPROVED
    ).order_by("finished_at")
    assert "Theorie en aanpak" in approved.last().comment


def test_evidence_reviewer_cannot_open_the_editor_of_another_organisations_method(client, platform):
    users = platform.users
    method = submit_new(client, users.editor, platform.zwolle, new_method(), "kids-en-koffie")
    act(client, users.coordinator, method, "approve")
    client.force_login(users.reviewer)
    data = page_form_data(MethodPage.objects.get(pk=method.pk), summary="Door de reviewer herschreven.")
    client.post(reverse("wagtailadmin_pages:edit", args=[method.pk]), data)
    assert (
        MethodPage.objects.get(pk=method.pk).get_latest_revision_as_object().summary != "Door de reviewer herschreven."
    )


def test_coordinator_cannot_skip_evidence_review_with_the_publish_button(client, platform):
    users = platform.users
    client.force_login(users.coordinator)
    data = page_form_data(new_method(), slug="kids-en-koffie")
    data["action-publish"] = "1"
    url = reverse(
        "wagtailadmin_pages:add", args=["practices", "methodpage", folder_for(platform.zwolle.page, MethodPage).pk]
    )
    client.post(url, data)
    assert not MethodPage.objects.filter(slug="kids-en-koffie", live=True).exists()
    # The Publish button is not even offered.
    response = client.get(url)
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content


def test_rejected_evidence_goes_back_to_the_author_with_the_reason(client, platform):
    users = platform.users
    method = submit_new(client, users.editor, platform.zwolle, new_method(), "kids-en-koffie")
    act(client, users.coordinator, method, "approve")
    mail.outbox.clear()
    act(client, users.reviewer, method, "reject", comment="Het effectonderzoek ontbreekt.")
    method = MethodPage.objects.get(pk=method.pk)
    assert method.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_author = [m for m in mail.outbox if m.to == [users.editor.email]]
    assert to_author and "Het effectonderzoek ontbreekt." in to_author[0].body


def new_publication():
    return PublicationPage(title="Jongeren en wijkteams", summary="Verkennend onderzoek in drie steden.")


def test_publication_needs_a_co_author_and_a_privacy_confirmation(client, platform):
    users = platform.users
    publication = submit_new(client, users.nji_editor, platform.nji, new_publication(), "jongeren-en-wijkteams")
    assert publication.current_workflow_state.workflow.name == PUBLICATION_WORKFLOW
    assert publication.current_workflow_task.name == CO_AUTHOR_TASK

    # The author cannot sign off their own co-author read; a colleague can.
    act(client, users.nji_editor, publication, "approve")
    assert Page.objects.get(pk=publication.pk).current_workflow_task.name == CO_AUTHOR_TASK
    act(client, users.reviewer, publication, "approve")  # reviewers are not the editors' co-authors
    assert Page.objects.get(pk=publication.pk).current_workflow_task.name == CO_AUTHOR_TASK
    nji_colleague = users.editor2
    nji_colleague.memberships.all().delete()
    Membership.objects.create(organisation=platform.nji, user=nji_colleague, role=Membership.Role.EDITOR)
    act(client, nji_colleague, publication, "approve")
    assert Page.objects.get(pk=publication.pk).current_workflow_task.name == PRIVACY_TASK

    # The privacy check needs the explicit confirmation.
    act(client, users.reviewer, publication, "approve", comment="Ziet er goed uit.")
    assert not Page.objects.get(pk=publication.pk).live
    act(client, users.reviewer, publication, "approve", no_identifiable_people="on", comment="Citaten zijn anoniem.")
    publication = PublicationPage.objects.get(pk=publication.pk)
    assert publication.live
    last = TaskState.objects.filter(workflow_state__object_id=str(publication.pk)).order_by("finished_at").last()
    assert "geen herkenbare personen" in last.comment


def test_review_reminders_go_to_reviewers_for_stale_methods_once(platform, django_capture_on_commit_callbacks):
    users = platform.users
    level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
    stale = new_method()
    stale.evidence_records = [
        MethodEvidenceRecord(scheme=level.scheme, level=level, date=date.today() - timedelta(days=800))
    ]
    folder_for(platform.zwolle.page, type(stale)).add_child(instance=stale)
    fresh = MethodPage(title="Verse methode", summary="x", aim="<p>x</p>", target_group="<p>x</p>")
    fresh.evidence_records = [MethodEvidenceRecord(scheme=level.scheme, level=level, date=date.today())]
    folder_for(platform.zwolle.page, type(fresh)).add_child(instance=fresh)

    mail.outbox.clear()
    call_command("send_review_reminders", months=24, stdout=open("/dev/null", "w"))
    subjects = [(m.to[0], m.subject) for m in mail.outbox]
    assert (users.reviewer.email, "Tijd voor herbeoordeling: „Kids & Koffie”") in subjects
    assert (users.coordinator.email, "Tijd voor herbeoordeling: „Kids & Koffie”") in subjects
    assert not [s for s in subjects if "Verse methode" in s[1]]
    assert not [s for s in subjects if s[0] == users.other_coordinator.email]

    mail.outbox.clear()
    call_command("send_review_reminders", months=24, stdout=open("/dev/null", "w"))
    assert mail.outbox == [], "a reminder is not repeated within the reminder interval"


def test_privacy_check_falls_to_coordinators_where_there_are_no_reviewers(client, platform):
    users = platform.users
    publication = submit_new(client, users.editor, platform.zwolle, new_publication(), "zwolse-evaluatie")
    act(client, users.editor2, publication, "approve")  # co-author
    assert Page.objects.get(pk=publication.pk).current_workflow_task.name == PRIVACY_TASK
    act(client, users.other_coordinator, publication, "approve", no_identifiable_people="on")
    assert not Page.objects.get(pk=publication.pk).live
    act(client, users.coordinator, publication, "approve", no_identifiable_people="on")
    assert Page.objects.get(pk=publication.pk).live
