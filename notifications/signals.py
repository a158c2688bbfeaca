"""New content reaches its followers; a member's follows and searches are part of their data export.

Wagtail sends `page_published` on every way a page goes live (Publish, a scheduled revision,
a workflow's approval). The matching runs in the task worker, not in the editor's request; a
second publish of the same page finds every follower told already (services.notify).
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from accounts.signals import collect_member_data
from core.languages import is_canonical
from practices.models import MethodPage, PracticeStoryPage, PublicationPage

from . import publishing, services


@receiver(page_published, sender=PracticeStoryPage)
@receiver(page_published, sender=MethodPage)
@receiver(page_published, sender=PublicationPage)
def tell_followers(sender, instance, **kwargs):
    # An English translation going live is news of no new page: its Dutch page was announced.
    if services.anyone_listens() and is_canonical(instance):
        publishing.notify_about_published_page.enqueue(instance.pk)


@receiver(collect_member_data)
def export_follows(sender, user, **kwargs):
    return "meldingen", services.export_member(user)
