"""Workflows per page type.

Wagtail looks up a page's workflow on the page and its ancestors (subtree assignment). In this
platform a story, a method and a publication live side by side in one organisation's section
but need different review steps, so `Page.get_workflow` first asks `PageTypeWorkflow` and only
then falls back to Wagtail's subtree lookup. This is installed once, in `EditorialConfig.ready`.
"""

from django.conf import settings
from wagtail.models import Page


def page_type_workflow(page):
    from .models import PageTypeWorkflow

    if page is None or not page.content_type_id:
        return None
    link = (
        PageTypeWorkflow.objects.filter(content_type_id=page.content_type_id, workflow__active=True)
        .select_related("workflow")
        .first()
    )
    return link.workflow if link else None


def install_page_type_workflows():
    if getattr(Page, "_editorial_routing_installed", False):
        return
    subtree_workflow = Page.get_workflow

    def get_workflow(self):
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        return page_type_workflow(self) or subtree_workflow(self)

    get_workflow.__doc__ = "The workflow of this page type if it has one, else Wagtail's subtree workflow."
    Page.get_workflow = get_workflow
    Page.has_workflow = property(lambda self: self.get_workflow() is not None)
    Page._editorial_routing_installed = True
