"""Dashboard panels: what waits for me, and my organisation's content at a glance."""

from django.db.models import IntegerField
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from .services import organisations_of

RECENT_LIMIT = 5


class WaitingForMePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "awaiting your review" panel, Dutch and first on the dashboard."""

    template_name = "editorial/dashboard/waiting_for_me.html"


def _pages_with_workflow_status(pages, status):
    object_ids = WorkflowState.objects.filter(base_content_type=get_default_page_content_type(), status=status).values(
        page_id=Cast("object_id", output_field=IntegerField())
    )
    return pages.filter(pk__in=object_ids)


def _with_rejection_comments(pages):
    """Attach the reviewer's comment to each sent-back page, so the author sees it at a glance."""
    pages = list(pages)
    states = WorkflowState.objects.filter(
        base_content_type=get_default_page_content_type(),
        object_id__in=[str(page.pk) for page in pages],
        status=WorkflowState.STATUS_NEEDS_CHANGES,
    ).select_related("current_task_state")
    comments = {state.object_id: state.current_task_state.comment for state in states if state.current_task_state}
    for page in pages:
        page.rejection_comment = comments.get(str(page.pk), "")
    return pages


class OrganisationDashboardPanel(Component):
    """Per organisation: my drafts, what is being reviewed, what was sent back, what went live."""

    name = "editorial_organisation"
    template_name = "editorial/dashboard/organisation_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        sections = []
        for organisation in organisations_of(user):
            section = getattr(organisation, "page", None)
            if section is None:
                continue
            content = Page.objects.descendant_of(section, inclusive=True)
            in_review = _pages_with_workflow_status(content, WorkflowState.STATUS_IN_PROGRESS)
            sent_back = _pages_with_workflow_status(content, WorkflowState.STATUS_NEEDS_CHANGES)
            my_drafts = (
                content.filter(owner=user, has_unpublished_changes=True)
                .exclude(pk__in=in_review.values("pk"))
                .order_by("-latest_revision_created_at")
            )
            sections.append(
                {
                    "organisation": organisation,
                    "section": section,
                    "my_drafts": list(my_drafts.specific()[:RECENT_LIMIT]),
                    "in_review": list(in_review.order_by("-latest_revision_created_at").specific()[:RECENT_LIMIT]),
                    "sent_back": _with_rejection_comments(
                        sent_back.order_by("-latest_revision_created_at").specific()[:RECENT_LIMIT]
                    ),
                    "recently_published": list(
                        content.live()
                        .exclude(last_published_at=None)
                        .order_by("-last_published_at")
                        .specific()[:RECENT_LIMIT]
                    ),
                }
            )
        return {"sections": sections, "request": request}
