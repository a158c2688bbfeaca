"""Admin integration: the organisation dashboard panel, onboarding, and overlapping admin POSTs."""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter

from core.permissions import is_platform_administrator
from organisations.models import Organisation, OrganisationPage

from . import views
from .dashboard import OrganisationDashboardPanel, WaitingForMePanel
from .services import (
    just_created_draft,
    posted_editor_actions,
    workflow_action_is_open,
)

logger = logging.getLogger(__name__)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("redactie/onboarden/<int:pk>/", views.onboard_organisation_view, name="editorial_onboard"),
    ]


@hooks.register("register_snippet_listing_buttons")
def onboard_button(snippet, user, next_url=None):
    if isinstance(snippet, Organisation) and is_platform_administrator(user):
        yield ListingButton(
            _("Inrichten voor redactie"),
            reverse("editorial_onboard", args=[snippet.pk]),
            icon_name="group",
            priority=50,
        )


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != WaitingForMePanel.name]
    panels.insert(0, WaitingForMePanel())
    panels.insert(1, OrganisationDashboardPanel())


def _is_autosave(request):
    """Wagtail 8's autosave posts the editor form asking for JSON; a click asks for HTML."""
    return not request.accepts("text/html")


@hooks.register("before_edit_page")
def autosave_only_saves(request, page):
    """An autosave never approves, publishes or submits: the click that carried the action does that.

    Wagtail's workflow-action.js puts the chosen action into the form as hidden inputs, so an
    autosave that fires while the click is on its way carries the action a second time.
    """
    if request.method == "POST" and _is_autosave(request) and posted_editor_actions(request.POST):
        logger.info("Autosave of page %s carried %s; refused", page.pk, posted_editor_actions(request.POST))
        return JsonResponse(
            {
                "success": False,
                "error_code": "blocked_by_hook",
                "error_message": str(_("Automatisch opslaan is overgeslagen: uw actie wordt al verwerkt.")),
            },
            status=400,
        )
    return None


@hooks.register("before_edit_page")
def refuse_a_workflow_step_that_was_already_taken(request, page):
    """A second click on "Goedkeuren" (or a replayed form) finds the step already done.

    Wagtail would save the form as a new draft instead; the reviewer is told what happened
    and nothing changes.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if workflow_action_is_open(page, request.user, request.POST.get("workflow-action-name")):
        return None
    logger.info("Workflow action on page %s by user %s was no longer open", page.pk, request.user.pk)
    messages.warning(request, _("Deze stap is al afgehandeld; er is niets gewijzigd."))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_create_page")
def same_new_page_twice_goes_to_the_page(request, parent_page, page_class):
    """A second POST of a new page (autosave created it while the click was on its way) acts on that page.

    The add URL would otherwise try to create it again and trip over its own slug. A 307 sends
    the browser's very same POST, with the button that was clicked, to the page's edit URL.
    """
    if request.method != "POST":
        return None
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    slug = request.POST.get("slug") or slugify(request.POST.get("title", ""), allow_unicode=allow_unicode)
    draft = just_created_draft(request.user, parent_page, page_class, slug)
    if draft is None:
        return None
    logger.info("Second POST of new page %s by user %s sent to its edit view", draft.pk, request.user.pk)
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[draft.pk]), status=307)


@hooks.register("before_edit_page")
def refuse_handing_a_section_to_another_organisation(request, page):
    """An organisation page's `organisation` decides whose section it is; only administrators change it."""
    if (
        request.method != "POST"
        or is_platform_administrator(request.user)
        or not isinstance(page.specific, OrganisationPage)
    ):
        return None
    posted = request.POST.get("organisation")
    if posted is not None and posted != str(page.specific.organisation_id):
        messages.error(
            request, _("Alleen platformbeheerders kunnen een organisatiepagina aan een andere organisatie koppelen.")
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_log_actions")
def register_evidence_review_log_action(actions):
    """The judgement written into a method's evidence record (`EvidenceReviewTask.record_judgement`)."""

    @actions.register_action("editorial.evidence_review")
    class EvidenceReview(LogFormatter):
        label = gettext_lazy("Bewijsniveau vastgelegd")

        def format_message(self, log_entry):
            return _("Bewijsniveau vastgelegd: %(level)s") % {"level": log_entry.data.get("level_name", "")}
