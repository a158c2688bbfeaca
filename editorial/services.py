"""Business rules of the editorial process: onboarding, who is in which group, which workflow
applies, and who may publish without a workflow.

Permissions follow one principle: an organisation's groups only get page permissions on its
own `OrganisationPage` subtree and collection permissions on its own collection. Everything
cross-organisational (evidence review) happens through workflow tasks, which grant the right
to *judge* a page, never to edit it.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from organisations.models import Membership, Organisation, OrganisationIndexPage, OrganisationPage, OrganisationType

from .models import (
    ADMINISTRATOR_GROUP,
    EvidenceReviewTask,
    OrganisationApprovalTask,
    OrganisationGroup,
    OrganisationWorkspace,
    PageTypeWorkflow,
    PrivacyCheckTask,
    Role,
    is_platform_administrator,
    organisation_for_page,
)

# Organisations whose people review evidence and write research.
RESEARCH_ORGANISATION_TYPES = {
    OrganisationType.KNOWLEDGE_INSTITUTE,
    OrganisationType.UNIVERSITY,
    OrganisationType.HOGESCHOOL,
    OrganisationType.ACADEMIC_WORKPLACE,
}

GROUP_SUFFIX = {Role.EDITOR: "redacteuren", Role.COORDINATOR: "coördinatoren", Role.REVIEWER: "reviewers"}

# Page permissions on the organisation's own subtree. Editors and reviewers write drafts;
# only coordinators publish (and unpublish) their organisation's content.
PAGE_PERMISSIONS = {
    Role.EDITOR: ["add_page", "change_page"],
    Role.REVIEWER: ["add_page", "change_page"],
    Role.COORDINATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Collection permissions on the organisation's own collection, for images and documents.
COLLECTION_ACTIONS = {
    Role.EDITOR: ["add", "choose"],
    Role.REVIEWER: ["add", "choose"],
    Role.COORDINATOR: ["add", "change", "delete", "choose"],
}
MEDIA_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]

MODERATOR_GROUP = "Platformmoderatoren"

# Workflow and task names are what editors see in the admin and in e-mails.
COORDINATOR_TASK = "Goedkeuring door coördinator eigen organisatie"
CO_AUTHOR_TASK = "Meelezen door co-auteur"
EVIDENCE_TASK = "Bewijskrachtbeoordeling door kennisinstituut"
PRIVACY_TASK = "Privacycheck: geen herkenbare personen"
MODERATOR_TASK = "Moderatie door platformmoderatoren"

STORY_WORKFLOW = "Praktijkverhaal"
METHOD_WORKFLOW = "Methode"
PUBLICATION_WORKFLOW = "Onderzoekspublicatie"
ORGANISATION_WORKFLOW = "Organisatiepagina"
MODERATION_WORKFLOW = "Moderatie platform"

# (app label, model name) of page types → workflow; missing models are skipped, so tips and
# ateliers join by adding a line here once they exist.
PAGE_TYPE_WORKFLOWS = [
    ("practices", "PracticeStoryPage", STORY_WORKFLOW),
    ("practices", "MethodPage", METHOD_WORKFLOW),
    ("practices", "PublicationPage", PUBLICATION_WORKFLOW),
]


def is_research_organisation(organisation):
    return organisation.type in RESEARCH_ORGANISATION_TYPES


def roles_for(organisation):
    roles = [Role.EDITOR, Role.COORDINATOR]
    if is_research_organisation(organisation):
        roles.append(Role.REVIEWER)
    return roles


def group_name(organisation, role):
    return f"{organisation.name} – {GROUP_SUFFIX[role]}"


@dataclass
class OnboardingResult:
    organisation: Organisation
    section: OrganisationPage
    collection: Collection
    groups: dict = field(default_factory=dict)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _access_admin():
    return _permission("wagtailadmin", "access_admin")


def ensure_section(organisation):
    """The organisation's `OrganisationPage`, created (live) under /organisaties/ if missing."""
    section = OrganisationPage.objects.filter(organisation=organisation).first()
    if section:
        return section
    index = OrganisationIndexPage.objects.first()
    if index is None:
        raise ValueError(_("Er is nog geen organisatie-overzicht (/organisaties/) om de pagina onder te zetten."))
    return index.add_child(
        instance=OrganisationPage(title=organisation.name, slug=organisation.slug, organisation=organisation)
    )


def ensure_collection(organisation):
    workspace = OrganisationWorkspace.objects.filter(organisation=organisation).select_related("collection").first()
    if workspace:
        if workspace.collection.name != organisation.name:
            workspace.collection.name = organisation.name
            workspace.collection.save(update_fields=["name"])
        return workspace.collection
    collection = Collection.get_first_root_node().add_child(name=organisation.name)
    OrganisationWorkspace.objects.create(organisation=organisation, collection=collection)
    return collection


def ensure_group(organisation, role):
    name = group_name(organisation, role)
    link = OrganisationGroup.objects.filter(organisation=organisation, role=role).select_related("group").first()
    if link is None:
        group, _created = Group.objects.get_or_create(name=name)
        link = OrganisationGroup.objects.create(organisation=organisation, role=role, group=group)
    elif link.group.name != name:  # the organisation was renamed
        link.group.name = name
        link.group.save(update_fields=["name"])
    return link.group


def grant_role(group, role, section, collection):
    """Give `group` exactly the rights of `role` on its section and collection (idempotent)."""
    group.permissions.add(_access_admin())
    wanted = [_permission("wagtailcore", codename) for codename in PAGE_PERMISSIONS[role]]
    GroupPagePermission.objects.filter(group=group).exclude(page=section, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)
    wanted_media = [
        _permission(app_label, f"{action}_{model}")
        for app_label, model in MEDIA_MODELS
        for action in COLLECTION_ACTIONS[role]
    ]
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=wanted_media
    ).delete()
    for permission in wanted_media:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


@transaction.atomic
def onboard_organisation(organisation, platform=True):
    """Set an organisation up to publish: section, collection, role groups, permissions, workflows.

    Safe to run again at any time; it repairs what drifted (a renamed organisation, a
    permission someone removed) and never duplicates. `platform=False` skips the shared setup
    (platform groups and workflows) when the caller already did it, e.g. onboarding all at once.
    """
    if platform:
        ensure_workflows()
    section = ensure_section(organisation)
    collection = ensure_collection(organisation)
    result = OnboardingResult(organisation=organisation, section=section, collection=collection)
    for role in roles_for(organisation):
        group = ensure_group(organisation, role)
        grant_role(group, role, section, collection)
        result.groups[role] = group
    for membership in Membership.objects.filter(organisation=organisation).select_related("user"):
        sync_user_groups(membership.user)
    return result


def ensure_platform_groups():
    """Platform moderators (tips and community content) and platform administrators."""
    access_admin = _access_admin()
    moderators, _created = Group.objects.get_or_create(name=MODERATOR_GROUP)
    moderators.permissions.add(access_admin)
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATOR_GROUP)
    administrators.permissions.set(Permission.objects.all())
    root_page = Page.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[codename for codename in Page.permission_codenames],
    ):
        GroupPagePermission.objects.get_or_create(group=administrators, page=root_page, permission=permission)
    root_collection = Collection.get_first_root_node()
    for app_label, model in MEDIA_MODELS:
        for action in ["add", "change", "delete", "choose"]:
            GroupCollectionPermission.objects.get_or_create(
                group=administrators, collection=root_collection, permission=_permission(app_label, f"{action}_{model}")
            )
    return moderators, administrators


def _task(model, name, **fields):
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model.objects.create(name=name, **fields)
    return task


def _workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


@transaction.atomic
def ensure_workflows():
    """The platform's workflows and which pages they apply to (used by onboarding and the demo)."""
    coordinator = _task(OrganisationApprovalTask, COORDINATOR_TASK, role=Role.COORDINATOR)
    co_author = _task(OrganisationApprovalTask, CO_AUTHOR_TASK, role=Role.EDITOR, exclude_requester=True)
    evidence = _task(EvidenceReviewTask, EVIDENCE_TASK)
    privacy = _task(PrivacyCheckTask, PRIVACY_TASK, role=Role.REVIEWER)
    moderators, _administrators = ensure_platform_groups()
    moderation = GroupApprovalTask.objects.filter(name=MODERATOR_TASK).first()
    if moderation is None:
        moderation = GroupApprovalTask.objects.create(name=MODERATOR_TASK)
        moderation.groups.set([moderators])

    workflows = {
        STORY_WORKFLOW: _workflow(STORY_WORKFLOW, [coordinator]),
        METHOD_WORKFLOW: _workflow(METHOD_WORKFLOW, [coordinator, evidence]),
        PUBLICATION_WORKFLOW: _workflow(PUBLICATION_WORKFLOW, [co_author, privacy]),
        ORGANISATION_WORKFLOW: _workflow(ORGANISATION_WORKFLOW, [coordinator]),
        MODERATION_WORKFLOW: _workflow(MODERATION_WORKFLOW, [moderation]),
    }
    # Everything in an organisation's section that has no page-type workflow of its own
    # (the organisation page itself, future page types) is approved by its coordinators.
    index = OrganisationIndexPage.objects.first()
    if index is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflows[ORGANISATION_WORKFLOW]})
    for app_label, model_name, workflow_name in PAGE_TYPE_WORKFLOWS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        assign_workflow_to_page_type(model, workflows[workflow_name])
    return workflows


def assign_workflow_to_page_type(model, workflow):
    content_type = ContentType.objects.get_for_model(model)
    PageTypeWorkflow.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def sync_user_groups(user):
    """Make the user's organisation groups match their memberships; nothing else is touched."""
    wanted = set(
        OrganisationGroup.objects.filter(
            organisation__memberships__user=user,
            organisation__memberships__role=F("role"),
        ).values_list("group_id", flat=True)
    )
    current = set(user.groups.filter(organisation_role__isnull=False).values_list("id", flat=True))
    if current - wanted:
        user.groups.remove(*(current - wanted))
    if wanted - current:
        user.groups.add(*(wanted - current))
    # Permission checks cache groups on the user object.
    for attr in ("_perm_cache", "_group_perm_cache", "_group_approval_task_checks", "_is_platform_administrator"):
        if hasattr(user, attr):
            delattr(user, attr)


def user_can_publish_directly(user, page, parent=None):
    """May `user` publish `page` with the Publish button, skipping its workflow?

    Only when they could approve every step of the page's workflow themselves; otherwise the
    button would let a coordinator skip the knowledge institute's evidence review or the
    privacy check. `parent` is used for pages being created (they have no place in the tree yet).
    """
    if is_platform_administrator(user):
        return True
    subject = page if page is not None and page.pk else parent
    workflow = page_workflow(page, parent)
    if workflow is None:
        return True
    for task in workflow.tasks.filter(active=True).specific():
        if hasattr(task, "user_can_moderate"):
            if not task.user_can_moderate(subject, user):
                return False
        elif isinstance(task, GroupApprovalTask):
            if not task.groups.filter(id__in=user.groups.all()).exists():
                return False
        else:
            return False
    return True


def page_workflow(page, parent=None):
    if page is not None and page.pk:
        return page.get_workflow()
    from .routing import page_type_workflow

    return page_type_workflow(page) or (parent.get_workflow() if parent is not None else None)


def record_evidence_review(task_state, user, level, reason):
    """Write the reviewer's judgement into the method's evidence record for that scheme.

    The record of the same scheme is updated (or added if there is none), so the method shows
    the current judgement; earlier judgements stay in the page history and the task comments.
    The change goes into a new revision, which is the one published when the workflow ends.
    Page types without evidence records keep the review in the task comment only.
    """
    from django.utils import timezone

    page = task_state.revision.as_object()
    records = getattr(page, "evidence_records", None)
    if records is None:
        return None
    record_model = records.model
    status_choices = dict(record_model._meta.get_field("status").choices)
    status = "recognised" if level.recognised else "not_recognised"
    if status not in status_choices:
        status = record_model._meta.get_field("status").default
    organisation = _reviewer_organisation(user)
    values = {
        "scheme": level.scheme,
        "level": level,
        "date": timezone.localdate(),
        "committee": str(organisation) if organisation else user.get_full_name(),
        "status": status,
        "reason": reason,
    }
    current = list(records.all())
    record = next((record for record in current if record.scheme_id == level.scheme_id), None)
    if record is None:
        record = record_model()
        current.append(record)
    for name, value in values.items():
        setattr(record, name, value)
    records.set(current)
    revision = page.save_revision(user=user, log_action=True, clean=False)
    task_state.revision = revision
    task_state.save(update_fields=["revision"])
    return record


def last_evidence_review(page):
    """Date of the method's most recent evidence judgement, or None."""
    dates = [record.date for record in page.evidence_records.all() if record.date]
    return max(dates, default=None)


def _reviewer_organisation(user):
    link = OrganisationGroup.objects.filter(group__user=user, role=Role.REVIEWER).select_related("organisation").first()
    return link.organisation if link else None


def organisations_of(user):
    """The organisations the user works for in an editorial role, with their sections."""
    return Organisation.objects.filter(editorial_groups__group__user=user).distinct().select_related("page")


__all__ = ["organisation_for_page", "onboard_organisation", "ensure_workflows", "sync_user_groups"]


def stale_methods(months):
    """Live methods whose most recent evidence judgement is older than `months`, not in review now."""
    from django.utils import timezone

    method_model = apps.get_model("practices", "MethodPage")
    cutoff = timezone.localdate() - timedelta(days=round(months * 365.25 / 12))
    methods = method_model.objects.live().prefetch_related("evidence_records")
    for method in methods:
        last = last_evidence_review(method)
        if last is not None and last < cutoff and not method.workflow_in_progress:
            yield method


def review_reminder_recipients(method):
    """All evidence reviewers, plus the coordinators of the organisation that owns the method."""
    from accounts.models import User

    organisation = organisation_for_page(method)
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(groups__organisation_role__role=Role.REVIEWER)
            | Q(groups__organisation_role__role=Role.COORDINATOR, groups__organisation_role__organisation=organisation)
        )
        .distinct()
    )
