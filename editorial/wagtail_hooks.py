"""Admin integration: the organisation dashboard panel, onboarding, and the publish guard."""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import ListingButton

from organisations.models import Organisation, OrganisationPage

from . import views
from .dashboard import OrganisationDashboardPanel, WaitingForMePanel
from .services import user_can_publish_directly

PUBLISH_REFUSED = gettext_lazy(
    "Deze pagina kan niet direct gepubliceerd worden: eerst moeten alle stappen van de workflow "
    "zijn goedgekeurd. Dien de pagina in ter beoordeling."
)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("redactie/onboarden/<int:pk>/", views.onboard_organisation_view, name="editorial_onboard"),
    ]


@hooks.register("register_snippet_listing_buttons")
def onboard_button(snippet, user, next_url=None):
    if isinstance(snippet, Organisation) and views.may_onboard(user):
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


@hooks.register("construct_page_action_menu")
def hide_publish_that_skips_review(menu_items, request, context):
    page = context.get("page")
    parent = context.get("parent_page")
    if context.get("view") == "create" and parent is not None:
        page = _page_being_created(request)
    if page is None and parent is None:
        return
    if not user_can_publish_directly(request.user, page, parent=parent):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _page_being_created(request):
    """The create view's action menu context has no page; its URL names the page type."""
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    try:
        content_type = ContentType.objects.get_by_natural_key(
            kwargs["content_type_app_name"], kwargs["content_type_model_name"]
        )
    except (KeyError, ContentType.DoesNotExist):
        return None
    model = content_type.model_class()
    return model() if model else None


@hooks.register("before_edit_page")
def refuse_handing_a_section_to_another_organisation(request, page):
    """An organisation page's `organisation` decides whose section it is; only administrators change it."""
    if request.method != "POST" or request.user.is_superuser or not isinstance(page.specific, OrganisationPage):
        return None
    posted = request.POST.get("organisation")
    if posted is not None and posted != str(page.specific.organisation_id):
        messages.error(
            request, _("Alleen platformbeheerders kunnen een organisatiepagina aan een andere organisatie koppelen.")
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_edit_page")
def refuse_publish_that_skips_review(request, page):
    if request.method == "POST" and request.POST.get("action-publish"):
        if not user_can_publish_directly(request.user, page):
            messages.error(request, PUBLISH_REFUSED)
            return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_create_page")
def refuse_create_and_publish_that_skips_review(request, parent_page, page_class):
    if request.method == "POST" and request.POST.get("action-publish"):
        if not user_can_publish_directly(request.user, page_class(), parent=parent_page):
            messages.error(request, PUBLISH_REFUSED)
            return redirect(
                "wagtailadmin_pages:add", page_class._meta.app_label, page_class._meta.model_name, parent_page.pk
            )
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish_that_skips_review(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for obj in objects:
        page = getattr(obj, "specific", obj)
        if hasattr(page, "get_workflow") and not user_can_publish_directly(request.user, page):
            messages.error(request, PUBLISH_REFUSED)
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
