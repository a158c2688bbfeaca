"""Signal receivers: member data (export, anonymisation) and publishing an atelier page."""

from django.dispatch import receiver
from wagtail.signals import page_published

from accounts.signals import collect_member_data, member_deleting

from . import services
from .models import AtelierPage


@receiver(collect_member_data)
def export_registrations(sender, user, **kwargs):
    return "kennisateliers", services.export_member_registrations(user)


@receiver(member_deleting)
def anonymise_registrations(sender, user, **kwargs):
    services.anonymise_member_registrations(user)


@receiver(page_published, sender=AtelierPage)
def promote_waiting_list_after_publish(sender, instance, **kwargs):
    """More seats published: the waiting list moves up straight away.

    Wagtail sends `page_published` on every way a page goes live (the editor's Publish,
    a scheduled revision through `publish_scheduled`, a restored revision, workflows,
    `Revision.publish()` in code), so this is the one place capacity changes are picked up.
    """
    services.capacity_changed(instance)
    services.calendar_details_published(instance)
