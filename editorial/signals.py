"""Keep group membership in line with organisation memberships, and tell reviewers it is their turn."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, TaskState
from wagtail.signals import task_submitted

from organisations.models import Membership

from .models import EvidenceReviewTask, OrganisationApprovalTask
from .services import give_translation_its_originals_rules, sync_user_groups


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_user_groups(instance.user)


@receiver(post_save)
def page_copied_into_another_language(sender, instance, created=False, raw=False, **kwargs):
    """A page created in the English tree takes over its original's rights and workflow."""
    if created and not raw and isinstance(instance, Page) and instance.translation_key:
        give_translation_its_originals_rules(instance)


@receiver(task_submitted)
def notify_whose_turn_it_is(sender, instance, user=None, **kwargs):
    """Wagtail only notifies for its own GroupApprovalTask; our tasks notify their moderators."""
    if not isinstance(instance, TaskState):
        return
    task = instance.task.specific
    if not isinstance(task, OrganisationApprovalTask | EvidenceReviewTask):
        return
    from .notifications import notify_task_moderators

    task_state_id = instance.pk
    triggering_user_id = user.pk if user else None
    transaction.on_commit(lambda: notify_task_moderators(task_state_id, triggering_user_id))
