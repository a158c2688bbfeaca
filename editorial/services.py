"""Business rules of the editorial process: onboarding, who is in which group, which workflow
applies, and who may publish without a workflow.

Permissions follow one principle: an organisation's groups only get page permissions on its
own `OrganisationPage` subtree and collection permissions on its own collection. Everything
cross-organisational (evidence review) happens through workflow tasks, which grant the right
to *judge* a page, never to edit it.
"""

from dataclasses import dataclass, field
from datetime import timedelta

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

from core.permissions import ADMINISTRATOR_GROUP, is_platform_administrator
from organisations.models import (
    Membership,
    MethodFolderPage,
    Organisation,
    OrganisationIndexPage,
    OrganisationPage,
    OrganisationType,
    PublicationFolderPage,
    StoryFolderPage,
)
from organisations.sections import ensure_section_folders

from .models import (
    EvidenceReviewTask,
    OrganisationApprovalTask,
    OrganisationGroup,
    OrganisationWorkspace,
    PrivacyCheckTask,
    Role,
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

# Page permissions on the organisation's own section (and so on everything in it). Editors
# and reviewers write drafts; coordinators also lock and unlock.
PAGE_PERMISSIONS = {
    Role.EDITOR: ["add_page", "change_page"],
    Role.REVIEWER: ["add_page", "change_page"],
    Role.COORDINATOR: ["add_page", "change_page", "lock_page", "unlock_page"],
}
# Page permissions on one folder of the section. Coordinators publish (and unpublish) their
# organisation's stories, whose only review is their own; methods and publications need
# reviews by others first, so nobody in the organisation can publish them past their workflow.
# (The organisation page itself: `organisations.models.OrganisationPagePermissionTester`.)
FOLDER_PAGE_PERMISSIONS = {
    Role.COORDINATOR: {StoryFolderPage: ["publish_page"]},
}
# Collection permissions on the organisation's own collection, for images and documents.
# "change" lets editors see their organisation's files in the admin listing (Wagtail lists only
# files one may change or delete) and correct a title or replace a file.
COLLECTION_ACTIONS = {
    Role.EDITOR: ["add", "change", "choose"],
    Role.REVIEWER: ["add", "change", "choose"],
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

# The workflow of each folder of an organisation's section (Settings → Workflows).
FOLDER_WORKFLOWS = {
    StoryFolderPage: STORY_WORKFLOW,
    MethodFolderPage: METHOD_WORKFLOW,
    PublicationFolderPage: PUBLICATION_WORKFLOW,
}


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
    folders: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_translate_permission(**kwargs):
    """wagtail-localize's "submit translation" right, which organisations' groups hold.

    wagtail-localize creates it in a data migration, not as a model permission, so Django's
    own post_migrate step does not bring it back after a database was flushed (as tests and
    `flush` do). Connected to post_migrate in `EditorialConfig.ready`; idempotent.
    """
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def _access_admin():
    return _permission("wagtailadmin", "access_admin")


def ensure_section(organisation):
    """The organisation's `OrganisationPage`, created (live) under /organisaties/ if missing."""
    section = organisation.page
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


def copies_in_every_language(page):
    """The ids of `page` and of its copies in the other locales (its English translation, or the
    alias wagtail-localize puts in the English tree as the parent of a translated page)."""
    return list(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))


def grant_role(group, role, section, collection, folders):
    """Give `group` exactly the rights of `role` on its section, its folders and collection (idempotent).

    The rights hold on the section's and folders' copies in the English tree as well, so the
    organisation's people edit the English translations of their own pages, and only those.
    A translator also needs wagtail-localize's "submit translation"; which page they may
    translate is decided by the page permissions (`may_translate`).
    """
    group.permissions.add(_access_admin(), _permission("wagtail_localize", "submit_translation"))
    wanted = {
        (page_id, _permission("wagtailcore", codename).pk)
        for page_id in copies_in_every_language(section)
        for codename in PAGE_PERMISSIONS[role]
    }
    for folder_type, codenames in FOLDER_PAGE_PERMISSIONS.get(role, {}).items():
        wanted |= {
            (page_id, _permission("wagtailcore", codename).pk)
            for page_id in copies_in_every_language(folders[folder_type])
            for codename in codenames
        }
    current = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
    for page_id, permission_id in current - wanted:
        GroupPagePermission.objects.filter(group=group, page_id=page_id, permission_id=permission_id).delete()
    for page_id, permission_id in wanted - current:
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)
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
    folders = ensure_section_folders(section)
    assign_folder_workflows(folders.values())
    collection = ensure_collection(organisation)
    result = OnboardingResult(organisation=organisation, section=section, collection=collection, folders=folders)
    for role in roles_for(organisation):
        group = ensure_group(organisation, role)
        grant_role(group, role, section, collection, folders)
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
    # The organisation page itself is approved by its coordinators; what lives in its folders
    # gets the folder's workflow (Wagtail uses the nearest assignment up the tree).
    index = OrganisationIndexPage.objects.first()
    if index is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflows[ORGANISATION_WORKFLOW]})
    for folder_type in FOLDER_WORKFLOWS:
        assign_folder_workflows(folder_type.objects.all())
    return workflows


def assign_folder_workflows(folders):
    """Assign each section folder its type's workflow (idempotent; workflows made by `ensure_workflows`)."""
    by_name = {workflow.name: workflow for workflow in Workflow.objects.filter(name__in=FOLDER_WORKFLOWS.values())}
    for folder in folders:
        workflow = by_name.get(FOLDER_WORKFLOWS[type(folder.specific)])
        if workflow is not None:
            WorkflowPage.objects.update_or_create(page=folder, defaults={"workflow": workflow})


def may_translate(user, page):
    """Whether `user` may start or update the English translation of `page`: someone who may
    edit the Dutch page (its organisation's people, platform administrators) and holds
    wagtail-localize's permission. wagtail-localize itself asks only for the latter, which would
    let an editor put pages into another organisation's English section."""
    source = page.alias_of if page.alias_of_id else page
    return user.has_perm("wagtail_localize.submit_translation") and source.permissions_for_user(user).can_edit()


def give_translation_its_originals_rules(page):
    """A page that appeared in another locale (a translation, or an alias wagtail-localize adds as
    a translated page's parent) gets its original's workflow and group page permissions.

    So an English organisation page and its folders fall under the same organisation's groups
    and the same review as the Dutch ones, and a translated story or method goes through the
    workflow its Dutch original went through before it is published.
    """
    from core.languages import canonical_page

    original = canonical_page(page)
    if original.pk == page.pk:
        return
    for permission in GroupPagePermission.objects.filter(page=original):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=page, permission_id=permission.permission_id
        )
    workflow_page = WorkflowPage.objects.filter(page=original).first()
    if workflow_page is not None:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow_page.workflow})


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


def organisations_of(user):
    """The organisations the user works for in an editorial role, with their sections."""
    return Organisation.objects.filter(editorial_groups__group__user=user).distinct()


__all__ = ["organisation_for_page", "onboard_organisation", "ensure_workflows", "sync_user_groups"]


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


# --- overlapping admin POSTs (issue #13.1) ---------------------------------------------------

# The fields that make a page editor POST do more than save. Buttons are only posted when
# clicked; `action-workflow-action` is a hidden input that Wagtail's workflow-action.js adds to
# the form, which is how Wagtail 8's autosave (it posts the whole form) came to carry it too.
EDITOR_ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
    "action-cancel-workflow",
)

# How long after creating a draft a second POST of the same new page still counts as the
# same submission (an autosave or a click that overtook the first response).
SAME_SUBMISSION_WINDOW = timedelta(minutes=10)


def posted_editor_actions(post_data):
    return [name for name in EDITOR_ACTION_FIELDS if post_data.get(name)]


def workflow_action_is_open(page, user, action_name):
    """Is `action_name` still something `user` can do on the page's current workflow step?"""
    task = page.current_workflow_task
    if task is None:
        return False
    return action_name in {name for name, _label, _modal in task.get_actions(page, user)}


def just_created_draft(user, parent_page, page_class, slug):
    """The draft `user` created a moment ago under `parent_page` with this slug, if any.

    A POST to the "add" URL whose slug is already taken by such a draft is the same page
    arriving twice (autosave created it while the click was on its way), not a new page.
    """
    from django.utils import timezone

    if not slug or not user.is_authenticated:
        return None
    candidate = (
        parent_page.get_children()
        .filter(slug=slug, owner=user, live=False, first_published_at__isnull=True)
        .type(page_class)
        .first()
    )
    if candidate is None:
        return None
    first_revision = candidate.revisions.order_by("created_at").first()
    if first_revision is None or first_revision.created_at < timezone.now() - SAME_SUBMISSION_WINDOW:
        return None
    return candidate


# --- attribution (issue #13.7) ----------------------------------------------------------------


def municipalities_worked_for(organisations):
    """The municipalities these organisations work for.

    An organisation works for itself when it is a municipality, for the municipalities that
    are part of it (a region and its member municipalities) and for the municipality it is
    part of (a neighbourhood team of that municipality); see `Organisation.part_of`.
    """
    ids = [organisation.pk for organisation in organisations]
    return (
        Organisation.objects.filter(type=OrganisationType.MUNICIPALITY)
        .filter(Q(pk__in=ids) | Q(part_of__in=ids) | Q(parts__in=ids))
        .distinct()
    )


def municipalities_user_may_attribute(user):
    """The municipalities `user` may attribute a practice story to; None means any (administrators)."""
    if is_platform_administrator(user):
        return None
    return municipalities_worked_for(organisations_of(user))


def translate_page(page, english_strings, user=None, publish=True, language="en", slug=None):
    """Make or update `page`'s translation through wagtail-localize, as its editor would.

    `english_strings` maps Dutch strings of the page (a title, a paragraph of rich text) to
    their English; strings left out keep the Dutch text, as an unfinished translation does in
    wagtail-localize's editor. The demo's translations (`practices/demo.py`) and the tests use
    this; editors use the admin's "Translate this page". `slug`: the translation's own slug
    (its English address, core/languages.py), else it keeps the Dutch one. Returns the
    translated page.
    """
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    locale = Locale.objects.get(language_code=language)
    page = page.specific
    with transaction.atomic():
        translate_object(page, [locale], user=user)
        source, _created = TranslationSource.update_or_create_from_instance(page)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            english = slug if slug and segment.context.path == "slug" else english_strings.get(segment.string.data)
            if english is not None:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": english,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "last_translated_by": user,
                    },
                )
        # wagtail-localize publishes only once the transaction commits; here it happens now, in
        # the same transaction, so a caller (the demo, a test) sees the live translation.
        Translation.objects.get(source=source, target_locale=locale).save_target(user=user, publish=False)
        translated = page.get_translation(locale).specific
        if publish:
            translated.get_latest_revision().publish(user=user)
            translated.refresh_from_db()
    return translated
