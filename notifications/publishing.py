"""The task that tells followers of a page that went live (queued by signals.tell_followers).

A module of its own, not in tasks.py: the mail tasks are queued by the services, and this task
calls the services, so together they would import each other.
"""

from django_tasks import task
from wagtail.models import Page

from .services import notify_about_page


@task()
def notify_about_published_page(page_id):
    """Find who wants to hear of a page that went live and notify them (see services.notify_about_page)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        notify_about_page(page.specific)
