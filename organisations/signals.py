"""Keep the reference index current the moment a page goes live.

Whether a document may be downloaded by anyone depends on the live pages that use it
(`organisations.services.document_is_public`), which Wagtail records in its reference index.
Wagtail updates that index in a background task; in production the task waits for the worker,
and until then the document of a page just published would be refused to visitors. Indexing
the published page straight away, in the publishing transaction, closes that gap; the queued
task later finds nothing left to change.

Memberships: every one added, given another role or removed is recorded in the audit trail
(`services.record_membership_change`).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from .models import Membership
from .services import record_membership_change


@receiver(page_published)
def index_references_of_published_page(sender, instance, **kwargs):
    if ReferenceIndex.is_indexed(type(instance)):
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(instance)


@receiver(pre_save, sender=Membership)
def remember_previous_role(sender, instance, **kwargs):
    """The role before this save, so the audit trail can tell a new role from an unchanged save."""
    instance._previous_role = (
        Membership.objects.filter(pk=instance.pk).values_list("role", flat=True).first() if instance.pk else None
    )


@receiver(post_save, sender=Membership)
def record_membership_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        record_membership_change(instance, None if created else getattr(instance, "_previous_role", None))


@receiver(post_delete, sender=Membership)
def record_membership_removed(sender, instance, **kwargs):
    record_membership_change(instance, instance.role, removed=True)
