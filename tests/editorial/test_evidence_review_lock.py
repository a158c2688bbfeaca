"""A reviewer locks a method only while holding its evidence review, and only their own organisation's (#12.11)."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from editorial.services import EVIDENCE_TASK
from organisations.sections import folder_for
from practices.models import MethodPage

from .conftest import page_form_data

pytestmark = pytest.mark.django_db


def method_at(client, platform, step, owner="zwolle"):
    """A method of `owner` submitted and, for step "evidence", approved by the owner's coordinator."""
    users = platform.users
    organisation = getattr(platform, owner)
    editor, coordinator = (
        (users.editor, users.coordinator) if owner == "zwolle" else (users.nji_editor, users.nji_coordinator)
    )
    client.force_login(editor)
    method = MethodPage(
        title="Kids en Koffie", summary="Ouders op school.", aim="<p>Verbinden</p>", target_group="<p>Ouders</p>"
    )
    data = page_form_data(method, slug="kids-en-koffie", **{"action-submit": "1"})
    client.post(
        reverse(
            "wagtailadmin_pages:add", args=["practices", "methodpage", folder_for(organisation.page, MethodPage).pk]
        ),
        data,
    )
    page = Page.objects.get(slug="kids-en-koffie")
    if step == "evidence":
        client.force_login(coordinator)
        task_state = page.current_workflow_task_state
        client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]))
        page = Page.objects.get(pk=page.pk)
        assert page.current_workflow_task.name == EVIDENCE_TASK
    return page


def try_to_lock(client, user, page):
    client.force_login(user)
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    return MethodPage.objects.get(pk=page.pk).locked


def test_a_reviewer_holding_the_review_may_lock_their_own_organisations_method(client, platform):
    page = method_at(client, platform, "evidence", owner="nji")
    assert try_to_lock(client, platform.users.reviewer, page)


def test_a_reviewer_cannot_lock_another_organisations_method_in_review(client, platform):
    page = method_at(client, platform, "evidence")
    assert not try_to_lock(client, platform.users.reviewer, page)
    # They still judge it.
    assert "approve" in [
        name for name, _label, _modal in page.current_workflow_task.get_actions(page, platform.users.reviewer)
    ]


def test_a_platform_administrator_may_lock_a_method_in_review(client, platform):
    page = method_at(client, platform, "evidence")
    assert try_to_lock(client, platform.users.platform_admin, page)


@pytest.mark.parametrize("who", ["nji_editor", "nji_coordinator", "other_coordinator", "other_editor"])
def test_others_cannot_lock_a_method_in_evidence_review(client, platform, who):
    page = method_at(client, platform, "evidence")
    assert not try_to_lock(client, getattr(platform.users, who), page)


def test_a_reviewer_cannot_lock_before_the_review_is_theirs(client, platform):
    page = method_at(client, platform, "coordinator", owner="nji")
    assert not try_to_lock(client, platform.users.reviewer, page)


def test_a_reviewer_cannot_lock_after_the_review(client, platform):
    from taxonomy.models import EvidenceLevel

    page = method_at(client, platform, "evidence", owner="nji")
    client.force_login(platform.users.reviewer)
    task_state = page.current_workflow_task_state
    level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"level": level.pk, "reason": "Twee effectstudies."},
    )
    page = MethodPage.objects.get(pk=page.pk)
    assert page.live
    assert not try_to_lock(client, platform.users.reviewer, page)
