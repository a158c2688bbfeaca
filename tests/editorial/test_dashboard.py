"""The admin dashboard: "Wacht op mij" for reviewers, and the organisation panel for editors."""

import pytest
from django.urls import reverse

from organisations.sections import folder_for
from practices.models import PracticeStoryPage

pytestmark = pytest.mark.django_db


def story(platform, organisation, title, owner, state):
    page = PracticeStoryPage(
        title=title,
        slug="",
        municipality=platform.zwolle,
        standfirst="Intro",
        target_group="Ouders",
        live=False,
        owner=owner,
    )
    folder_for(organisation.page, type(page)).add_child(instance=page)
    revision = page.save_revision(user=owner)
    if state == "published":
        revision.publish(user=platform.users.admin)
    elif state in ("review", "rejected"):
        workflow_state = page.get_workflow().start(page, owner)
        if state == "rejected":
            workflow_state.current_task_state.reject(user=platform.users.admin, comment="Graag bronnen.")
    return page


@pytest.fixture
def zwolle_content(platform):
    editor = platform.users.editor
    story(platform, platform.zwolle, "Mijn concept over voorlezen", editor, "draft")
    story(platform, platform.zwolle, "Ouderavond in de wijk", editor, "review")
    story(platform, platform.zwolle, "Teruggestuurd verhaal", editor, "rejected")
    story(platform, platform.zwolle, "Peutersport in Zwolle", editor, "published")
    story(platform, platform.rotterdam, "Rotterdams concept", platform.users.other_editor, "review")


def test_editor_sees_own_organisation_at_a_glance(client, platform, zwolle_content):
    client.force_login(platform.users.editor)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Redactie Gemeente Zwolle" in body
    for heading, title in [
        ("Mijn concepten", "Mijn concept over voorlezen"),
        ("Wacht op beoordeling", "Ouderavond in de wijk"),
        ("Teruggestuurd met opmerkingen", "Teruggestuurd verhaal"),
        ("Onlangs gepubliceerd", "Peutersport in Zwolle"),
    ]:
        assert heading in body and title in body
    assert "Graag bronnen." in body  # the reviewer's comment, next to the sent-back page
    assert "Rotterdams concept" not in body
    assert "Wacht op mij" not in body  # editors approve nothing


def test_coordinator_sees_what_waits_for_them_and_nothing_of_other_organisations(
    client, platform, zwolle_content, django_assert_max_num_queries
):
    client.force_login(platform.users.coordinator)
    client.get(reverse("wagtailadmin_home"))  # warm caches (site root, content types)
    with django_assert_max_num_queries(80):
        body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Wacht op mij" in body
    assert "Ouderavond in de wijk" in body
    assert "Rotterdams concept" not in body


def test_reviewer_waiting_list_holds_methods_in_evidence_review(client, platform):
    from practices.models import MethodPage

    method = MethodPage(
        title="Rots en Water",
        summary="Weerbaarheidstraining",
        aim="<p>x</p>",
        target_group="<p>x</p>",
        live=False,
        owner=platform.users.editor,
    )
    folder_for(platform.zwolle.page, type(method)).add_child(instance=method)
    method.save_revision(user=platform.users.editor)
    state = method.get_workflow().start(method, platform.users.editor)
    client.force_login(platform.users.reviewer)
    assert "Rots en Water" not in client.get(reverse("wagtailadmin_home")).content.decode()
    state.current_task_state.approve(user=platform.users.coordinator)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Wacht op mij" in body and "Rots en Water" in body
