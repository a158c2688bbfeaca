"""Editorial tenancy and workflow tasks.

Wagtail's groups, workflows and tasks are global, while the platform hosts many organisations
that may only touch their own content. The models here tie the global machinery to one
organisation: `OrganisationGroup` says which Django group carries which role of which
organisation, `OrganisationWorkspace` holds its collection, and the tasks resolve *at run time*
which organisation a page belongs to (the `OrganisationPage` it lives under). That is why one
workflow serves every organisation instead of one workflow per organisation.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Page, Task, TaskState

from core import audit
from core.permissions import is_platform_administrator
from organisations.models import Organisation
from practices.evidence import apply_evidence_judgement

from .permissions import can_review_evidence
from .roles import Role


class OrganisationGroup(models.Model):
    """The Django group that carries one role of one organisation."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="editorial_groups"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        Group, verbose_name=_("groep"), on_delete=models.CASCADE, related_name="organisation_role"
    )

    class Meta:
        verbose_name = _("organisatiegroep")
        verbose_name_plural = _("organisatiegroepen")
        constraints = [models.UniqueConstraint(fields=["organisation", "role"], name="one_group_per_role")]

    def __str__(self):
        return self.group.name


class OrganisationWorkspace(models.Model):
    """What onboarding created for an organisation besides its groups: its own collection."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="workspace"
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("collectie"), on_delete=models.PROTECT, related_name="workspace"
    )
    onboarded_at = models.DateTimeField(_("ingericht op"), auto_now=True)

    class Meta:
        verbose_name = _("werkruimte")
        verbose_name_plural = _("werkruimtes")

    def __str__(self):
        return str(self.organisation)


def organisation_for_page(page):
    """The organisation whose section (OrganisationPage subtree) holds `page`, or None."""
    from organisations.models import OrganisationPage

    if not page.path:
        return None
    section = (
        OrganisationPage.objects.filter(
            path__in=[page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
        )
        .select_related("organisation")
        .order_by("-depth")
        .first()
    )
    return section.organisation if section else None


def task_states_on_pages_in_sections(task_states, organisation_ids):
    """Narrow task states to pages that live in the sections of the given organisations."""
    from organisations.models import OrganisationPage

    section_paths = list(
        OrganisationPage.objects.filter(organisation_id__in=organisation_ids).values_list("path", flat=True)
    )
    if not section_paths:
        return task_states.none()
    in_a_section = Q()
    for path in section_paths:
        in_a_section |= Q(path__startswith=path)
    pages = Page.objects.filter(
        in_a_section, id=Cast(OuterRef("workflow_state__object_id"), output_field=IntegerField())
    )
    return task_states.filter(Exists(pages))


class ModeratedByPeopleMixin:
    """The contract every editorial task fulfils: who may act on a page, and refusing everyone else.

    `on_action` re-checks the page the task state belongs to: Wagtail's workflow action URL
    takes a page id and a task state id separately, so a coordinator could otherwise pair a
    page of their own with a task state of another organisation's page.
    """

    def user_can_moderate(self, page, user):
        raise NotImplementedError

    def moderators_for(self, page):
        raise NotImplementedError

    def user_can_access_editor(self, obj, user):
        return self.user_can_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_moderate(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_can_moderate(obj, user):
            return [
                ("reject", _("Wijzigingen vragen"), True),
                ("approve", _("Goedkeuren"), False),
                ("approve", _("Goedkeuren met opmerking"), True),
            ]
        return []

    def check_may_act(self, task_state, user):
        page = task_state.workflow_state.content_object
        if not self.user_can_moderate(page, user):
            raise PermissionDenied(_("U mag deze stap niet beoordelen."))


class OrganisationApprovalTask(ModeratedByPeopleMixin, Task):
    """Approval by the people with a role in the organisation that owns the page.

    With `role=coordinator` this is "own coordinator approves"; with `role=editor` and
    `exclude_requester` it is a co-author read: a colleague, not the author, signs off.
    """

    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.COORDINATOR)
    exclude_requester = models.BooleanField(
        _("niet door de indiener zelf"),
        default=False,
        help_text=_("Aanvinken als een collega (bijvoorbeeld een co-auteur) moet meelezen, niet de auteur zelf."),
    )

    admin_form_fields = Task.admin_form_fields + ["role", "exclude_requester"]

    class Meta:
        verbose_name = _("goedkeuring door eigen organisatie")
        verbose_name_plural = _("goedkeuringen door eigen organisatie")

    @classmethod
    def get_description(cls):
        return _("Mensen met de gekozen rol in de organisatie die de pagina bezit, beoordelen deze stap.")

    def _requester_id(self, page):
        state = page.current_workflow_state if page.pk else None
        return state.requested_by_id if state else None

    def role_in(self, organisation):
        """The role that takes this step in `organisation`.

        An organisation without a group for the task's role (a municipality has no reviewers)
        has its coordinators take the step, so its pages never get stuck.
        """
        if self.role == Role.COORDINATOR or organisation.editorial_groups.filter(role=self.role).exists():
            return self.role
        return Role.COORDINATOR

    def user_can_moderate(self, page, user):
        if not user.is_active:
            return False
        if is_platform_administrator(user):
            return True
        organisation = organisation_for_page(page)
        if organisation is None:
            return False
        if self.exclude_requester and self._requester_id(page) == user.pk:
            return False
        return user.groups.filter(
            organisation_role__organisation=organisation, organisation_role__role=self.role_in(organisation)
        ).exists()

    def moderators_for(self, page):
        from accounts.models import User

        organisation = organisation_for_page(page)
        if organisation is None:
            return User.objects.none()
        people = User.objects.filter(
            is_active=True,
            groups__organisation_role__organisation=organisation,
            groups__organisation_role__role=self.role_in(organisation),
        )
        if self.exclude_requester and (requester_id := self._requester_id(page)):
            people = people.exclude(pk=requester_id)
        return people.distinct()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if is_platform_administrator(user):
            return in_progress
        organisation_ids = set(
            user.groups.filter(organisation_role__role=self.role).values_list(
                "organisation_role__organisation_id", flat=True
            )
        )
        if self.role != Role.COORDINATOR:
            coordinated = set(
                user.groups.filter(organisation_role__role=Role.COORDINATOR).values_list(
                    "organisation_role__organisation_id", flat=True
                )
            )
            with_role = set(
                OrganisationGroup.objects.filter(organisation_id__in=coordinated, role=self.role).values_list(
                    "organisation_id", flat=True
                )
            )
            organisation_ids |= coordinated - with_role
        states = task_states_on_pages_in_sections(in_progress, list(organisation_ids))
        if self.exclude_requester:
            states = states.exclude(workflow_state__requested_by=user)
        return states

    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_may_act(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)


class PrivacyCheckTask(OrganisationApprovalTask):
    """Before research goes public, a reviewer confirms it shows no identifiable people."""

    class Meta:
        verbose_name = _("privacycheck")
        verbose_name_plural = _("privacychecks")

    @classmethod
    def get_description(cls):
        return _("Een reviewer van de eigen organisatie bevestigt dat er geen herkenbare personen in staan.")

    def get_actions(self, obj, user):
        if self.user_can_moderate(obj, user):
            return [
                ("reject", _("Wijzigingen vragen"), True),
                ("approve", _("Geen herkenbare personen: goedkeuren"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from .forms import PrivacyCheckForm

        if action == "approve":
            return PrivacyCheckForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        self.check_may_act(task_state, user)
        if action_name == "approve":
            if not kwargs.get("no_identifiable_people"):
                raise PermissionDenied(_("Bevestig eerst dat er geen herkenbare personen in staan."))
            comment = str(_("Privacycheck: geen herkenbare personen."))
            if kwargs.get("comment"):
                comment = f"{comment} {kwargs['comment']}"
            task_state.approve(user=user, comment=comment)
            return None
        return Task.on_action(self, task_state, user, action_name, comment=kwargs.get("comment", ""))


class EvidenceReviewTask(ModeratedByPeopleMixin, Task):
    """A knowledge-institute reviewer confirms or changes a method's evidence level, with reasons.

    Any reviewer of a knowledge institute may take it, whichever organisation owns the method:
    evidence review is a platform-wide service, not an organisation's own business. Approving
    appends an evidence record to the method (when the page type has one) in a new revision,
    which is the revision that gets published.
    """

    class Meta:
        verbose_name = _("bewijskrachtbeoordeling")
        verbose_name_plural = _("bewijskrachtbeoordelingen")

    @classmethod
    def get_description(cls):
        return _("Reviewers van kennisinstituten bevestigen of wijzigen het bewijsniveau en leggen uit waarom.")

    def _reviewer_groups(self):
        return Group.objects.filter(organisation_role__role=Role.REVIEWER)

    def user_can_moderate(self, page, user):
        return can_review_evidence(user)

    def moderators_for(self, page):
        from accounts.models import User

        return User.objects.filter(is_active=True, groups__in=self._reviewer_groups()).distinct()

    def user_can_access_editor(self, obj, user):
        # Reviewers judge the evidence; they do not rewrite another organisation's method.
        return False

    def holds_review(self, obj, user):
        """Does `user` hold this page's evidence review: it is in progress now and theirs to judge?"""
        state = obj.current_workflow_task_state if obj.pk else None
        return (
            state is not None
            and state.task_id == self.pk
            and state.status == TaskState.STATUS_IN_PROGRESS
            and self.user_can_moderate(obj, user)
        )

    def user_can_lock(self, obj, user):
        """Issue #12.11: a lock keeps the owning organisation out of its own method.

        Reviewers judge every organisation's methods but lock only their own organisation's,
        and only while they hold its review (Wagtail's workflow lock already keeps the owner
        from editing during the review).
        """
        if not self.holds_review(obj, user):
            return False
        if is_platform_administrator(user):
            return True
        return user.groups.filter(
            organisation_role__role=Role.REVIEWER, organisation_role__organisation=organisation_for_page(obj)
        ).exists()

    def locked_for_user(self, obj, user):
        return not is_platform_administrator(user)

    def get_actions(self, obj, user):
        if self.user_can_moderate(obj, user):
            return [
                ("reject", _("Wijzigingen vragen"), True),
                ("approve", _("Bewijsniveau vastleggen en goedkeuren"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from .forms import EvidenceReviewForm

        if action == "approve":
            return EvidenceReviewForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if can_review_evidence(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def on_action(self, task_state, user, action_name, **kwargs):
        from taxonomy.models import EvidenceLevel

        self.check_may_act(task_state, user)
        if action_name == "approve":
            level = kwargs.get("level")
            if level is not None and not isinstance(level, EvidenceLevel):
                level = EvidenceLevel.objects.filter(pk=level).first()
            reason = (kwargs.get("reason") or "").strip()
            if level is None or not reason:
                raise PermissionDenied(_("Kies een bewijsniveau en leg uit waarom."))
            self.record_judgement(task_state, user, level, reason)
            task_state.approve(user=user, comment=f"{level}: {reason}")
            return None
        return Task.on_action(self, task_state, user, action_name, comment=kwargs.get("comment", ""))

    def record_judgement(self, task_state, user, level, reason):
        """Write the reviewer's judgement into the method (`practices.evidence`) as a new revision.

        The new revision is the one published when the workflow ends; the judgement is logged.
        Page types without evidence records keep the review in the task comment only.
        """
        page = task_state.revision.as_object()
        link = (
            OrganisationGroup.objects.filter(group__user=user, role=Role.REVIEWER)
            .select_related("organisation")
            .first()
        )
        committee = str(link.organisation) if link else user.get_full_name()
        record = apply_evidence_judgement(page, level, reason, committee)
        if record is None:
            return None
        revision = page.save_revision(user=user, log_action=True, clean=False)
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
        audit.record(
            page,
            "editorial.evidence_review",
            user=user,
            scheme=level.scheme_id,
            level=level.pk,
            level_name=str(level),
            status=record.status,
            revision=revision.pk,
        )
        return record


class ReviewReminder(models.Model):
    """When a method was last reminded about re-review, so reminders are not sent every night."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("verstuurd op"))

    class Meta:
        verbose_name = _("herbeoordelingsherinnering")
        verbose_name_plural = _("herbeoordelingsherinneringen")

    def __str__(self):
        return f"{self.page} ({self.sent_at:%Y-%m-%d})"


__all__ = [
    "EvidenceReviewTask",
    "OrganisationApprovalTask",
    "OrganisationGroup",
    "OrganisationWorkspace",
    "PrivacyCheckTask",
    "ReviewReminder",
    "Role",
    "organisation_for_page",
]
