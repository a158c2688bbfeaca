"""Every role × action × own/other organisation, through the real admin URLs.

Each cell posts to the URL a browser would post to and then checks what actually happened in
the database (a refused request in Wagtail's admin can be a 403, a redirect to the dashboard or
a re-rendered form, so the response code alone proves nothing). Targets are made fresh per cell.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, TaskState
from wagtail.test.utils.form_data import rich_text

from editorial.services import ensure_workflows
from organisations.sections import folder_for
from practices.models import MethodPage, PracticeStoryPage
from taxonomy.models import EvidenceLevel

from .conftest import page_form_data

pytestmark = pytest.mark.django_db

ACTIONS = [
    "create",
    "edit",
    "submit",
    "approve",
    "publish",
    "unpublish",
    "delete draft",
    "delete live",
    "upload document",
    "upload image",
    "review evidence",
    "translate",
]

# role: the set of (action, own|other) cells that must be ALLOWED; every other cell is refused.
ALL = {(action, where) for action in ACTIONS for where in ("own", "other")}
# Starting an English translation (issue 18) is writing in one's own section.
WRITE_OWN = {("create", "own"), ("edit", "own"), ("submit", "own"), ("delete draft", "own"), ("translate", "own")}
UPLOAD_OWN = {("upload document", "own"), ("upload image", "own")}
EXPECTED_ALLOWED = {
    "editor": WRITE_OWN | UPLOAD_OWN,
    "coordinator": WRITE_OWN
    | UPLOAD_OWN
    | {("approve", "own"), ("publish", "own"), ("unpublish", "own"), ("delete live", "own")},
    # Knowledge-institute reviewers write in their own section and judge evidence everywhere,
    # but cannot approve their own organisation's stories (that is the coordinator's job).
    "reviewer": WRITE_OWN | UPLOAD_OWN | {("review evidence", "own"), ("review evidence", "other")},
    "moderator": set(),
    "member": set(),
    "admin": ALL,
    "platform_admin": ALL,  # a member of "Platformbeheerders", not a superuser
}

# Which organisation counts as "own" and "other" for each role's person.
HOMES = {
    "editor": ("zwolle", "rotterdam"),
    "coordinator": ("zwolle", "rotterdam"),
    "reviewer": ("nji", "zwolle"),
    "moderator": ("zwolle", "rotterdam"),
    "member": ("zwolle", "rotterdam"),
    "admin": ("zwolle", "rotterdam"),
    "platform_admin": ("zwolle", "rotterdam"),
}


class Cells:
    """Builds a fresh target for one cell and reports whether the action took effect."""

    def __init__(self, client, platform, user):
        self.client = client
        self.platform = platform
        self.user = user
        self.counter = 0
        self.admin = platform.users.admin

    def story(self, organisation, live=False, in_moderation=False):
        self.counter += 1
        story = PracticeStoryPage(
            title=f"Doelpagina {self.counter}",
            slug=f"doelpagina-{self.counter}",
            municipality=self.platform.zwolle,
            standfirst="Een verhaal.",
            target_group="Ouders",
            owner=self.admin,
            live=False,
        )
        folder_for(organisation.page, type(story)).add_child(instance=story)
        revision = story.save_revision(user=self.admin)
        if live:
            revision.publish()
        if in_moderation:
            story.get_workflow().start(story, self.admin)
        return PracticeStoryPage.objects.get(pk=story.pk)

    def method_in_evidence_review(self, organisation):
        self.counter += 1
        method = MethodPage(
            title=f"Methode {self.counter}",
            slug=f"methode-{self.counter}",
            summary="Een methode.",
            aim="<p>Doel</p>",
            target_group="<p>Jongeren</p>",
            owner=self.admin,
            live=False,
        )
        folder_for(organisation.page, type(method)).add_child(instance=method)
        method.save_revision(user=self.admin)
        state = method.get_workflow().start(method, self.admin)
        state.current_task_state.approve(user=self.admin)  # the coordinator step
        return MethodPage.objects.get(pk=method.pk)

    def run(self, action, organisation):
        self.client.force_login(self.user)
        handler = getattr(self, "do_" + action.replace(" ", "_"))
        return handler(organisation)

    def do_create(self, organisation):
        self.counter += 1
        slug = f"nieuw-{self.counter}"
        # A municipality writes a story about itself; a knowledge institute, which works for no
        # municipality a story could be attributed to (#13.7), writes a method.
        if organisation.is_municipality:
            page = PracticeStoryPage(
                title="Nieuw verhaal", municipality=organisation, standfirst="Intro", target_group="Ouders"
            )
        else:
            page = MethodPage(title="Nieuwe methode", summary="Samenvatting", aim="Doel", target_group="Ouders")
        model = type(page)._meta
        folder = folder_for(organisation.page, type(page))
        url = reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, folder.pk])
        self.client.post(url, page_form_data(page, slug=slug))
        return Page.objects.filter(slug=slug).descendant_of(organisation.page).exists()

    def do_edit(self, organisation):
        story = self.story(organisation)
        data = page_form_data(story, title="Aangepaste titel")
        self.client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
        return Page.objects.get(pk=story.pk).get_latest_revision_as_object().title == "Aangepaste titel"

    def do_submit(self, organisation):
        story = self.story(organisation)
        data = page_form_data(story)
        data["action-submit"] = "1"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
        return Page.objects.get(pk=story.pk).workflow_in_progress

    def do_approve(self, organisation):
        story = self.story(organisation, in_moderation=True)
        task_state = story.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
        self.client.post(url, {"comment": ""})
        return TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED

    def do_publish(self, organisation):
        story = self.story(organisation)
        data = page_form_data(story)
        data["action-publish"] = "1"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
        return Page.objects.get(pk=story.pk).live

    def do_unpublish(self, organisation):
        story = self.story(organisation, live=True)
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
        return not Page.objects.get(pk=story.pk).live

    def do_delete_draft(self, organisation):
        story = self.story(organisation)
        self.client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
        return not Page.objects.filter(pk=story.pk).exists()

    def do_delete_live(self, organisation):
        story = self.story(organisation, live=True)
        self.client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
        return not Page.objects.filter(pk=story.pk).exists()

    def do_upload_document(self, organisation):
        self.counter += 1
        title = f"verslag-{self.counter}.pdf"
        upload = SimpleUploadedFile(title, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        collection = organisation.workspace.collection
        self.client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": upload, "collection": collection.pk, "title": title},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        return get_document_model().objects.filter(title=title, collection=collection).exists()

    def do_upload_image(self, organisation):
        self.counter += 1
        title = f"foto-{self.counter}.png"
        buffer = io.BytesIO()
        PILImage.new("RGB", (8, 8), "orange").save(buffer, "PNG")
        upload = SimpleUploadedFile(title, buffer.getvalue(), content_type="image/png")
        collection = organisation.workspace.collection
        self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload, "collection": collection.pk, "title": title},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        return get_image_model().objects.filter(title=title, collection=collection).exists()

    def do_translate(self, organisation):
        story = self.story(organisation, live=True)
        english = Locale.objects.get(language_code="en")
        url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
        self.client.post(url, {"locales": [english.pk]})
        return story.get_translation_or_none(english) is not None

    def do_review_evidence(self, organisation):
        method = self.method_in_evidence_review(organisation)
        task_state = method.current_workflow_task_state
        level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
        url = reverse("wagtailadmin_pages:workflow_action", args=[method.pk, "approve", task_state.pk])
        self.client.post(url, {"level": level.pk, "reason": "De theorie is goed beschreven en onderbouwd."})
        return TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED


# Who may do what is decided by Wagtail's permission policies and our own, in plain ORM filters,
# so the matrix proves it on SQLite. What PostgreSQL adds is the writes themselves: every page
# change runs inside editorial.middleware's transaction behind a row lock, and PostgreSQL, unlike
# SQLite, aborts the whole transaction on any error in it. The platform administrator is allowed
# every cell, with group permissions rather than a superuser's shortcut, so that role's row runs
# each action through to its writes: it is the row that repeats on PostgreSQL (the `database`
# marker). All eight rows there cost about 150 s, against 28 s on SQLite (CI, issue 15).
ROLES = [
    pytest.param(role, marks=pytest.mark.database) if role == "platform_admin" else role for role in EXPECTED_ALLOWED
]


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, client, platform):
    ensure_workflows()
    user = getattr(platform.users, role)
    cells = Cells(client, platform, user)
    own, other = (getattr(platform, name) for name in HOMES[role])
    wrong = []
    for action in ACTIONS:
        for where, organisation in (("own", own), ("other", other)):
            allowed = cells.run(action, organisation)
            expected = (action, where) in EXPECTED_ALLOWED[role]
            if allowed != expected:
                wrong.append(f"{role} × {action} × {where}: {'allowed' if allowed else 'refused'}")
    assert wrong == []


def test_no_organisation_group_has_page_permissions_outside_its_own_section(platform):
    """The structural guarantee behind the matrix: rights are anchored on the own section only."""
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    from editorial.models import OrganisationGroup

    for link in OrganisationGroup.objects.select_related("organisation__workspace"):
        section = link.organisation.page
        # The section in every language: its English copy (issue 18) is the organisation's too.
        sections = list(link.organisation.pages.all())
        pages = Page.objects.filter(
            pk__in=GroupPagePermission.objects.filter(group=link.group).values_list("page_id", flat=True)
        )
        assert section.pk in {page.pk for page in pages}, link
        assert all(any(page.pk == own.pk or page.is_descendant_of(own) for own in sections) for page in pages), link
        collections = set(
            GroupCollectionPermission.objects.filter(group=link.group).values_list("collection_id", flat=True)
        )
        assert collections == {link.organisation.workspace.collection_id}, link


def test_pages_cannot_be_moved_or_copied_into_another_organisation(client, platform):
    ensure_workflows()
    cells = Cells(client, platform, platform.users.coordinator)
    own = cells.story(platform.zwolle, live=True)
    theirs = cells.story(platform.rotterdam, live=True)
    rotterdam_section = folder_for(platform.rotterdam.page, PracticeStoryPage)
    zwolle_section = folder_for(platform.zwolle.page, PracticeStoryPage)
    client.force_login(platform.users.coordinator)

    client.post(reverse("wagtailadmin_pages:move_confirm", args=[own.pk, rotterdam_section.pk]))
    assert Page.objects.get(pk=own.pk).get_parent().pk == zwolle_section.pk

    client.post(
        reverse("wagtailadmin_pages:copy", args=[own.pk]),
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": rotterdam_section.pk, "publish_copies": "on"},
    )
    client.post(
        reverse("wagtailadmin_pages:copy", args=[theirs.pk]),
        {"new_title": "Gekopieerd", "new_slug": "gekopieerd", "new_parent_page": zwolle_section.pk},
    )
    assert not Page.objects.filter(slug__in=["kopie", "gekopieerd"]).exists()

    # The same requests do work within the own section (so the refusals above are real).
    client.post(
        reverse("wagtailadmin_pages:copy", args=[own.pk]),
        {"new_title": "Eigen kopie", "new_slug": "eigen-kopie", "new_parent_page": zwolle_section.pk},
    )
    assert Page.objects.filter(slug="eigen-kopie").descendant_of(platform.zwolle.page).exists()


def test_a_section_cannot_be_handed_to_another_organisation(client, platform):
    section = platform.zwolle.page
    client.force_login(platform.users.coordinator)
    data = page_form_data(section, organisation=platform.rotterdam.pk)
    data["action-publish"] = "1"
    client.post(reverse("wagtailadmin_pages:edit", args=[section.pk]), data)
    section.refresh_from_db()
    assert section.organisation_id == platform.zwolle.pk
    assert section.get_latest_revision_as_object().organisation_id == platform.zwolle.pk

    # Editing the organisation page itself is fine.
    data = page_form_data(section, intro=rich_text("<p>Welkom bij Zwolle.</p>"))
    data["action-publish"] = "1"
    client.post(reverse("wagtailadmin_pages:edit", args=[section.pk]), data)
    section.refresh_from_db()
    assert "Welkom bij Zwolle" in section.intro
