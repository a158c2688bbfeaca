"""Admin view: onboard an organisation from its snippet listing (the same service as the command)."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access

from core.permissions import is_platform_administrator
from organisations.models import Organisation

from .services import onboard_organisation


def onboard_organisation_view(request, pk):
    """Onboarding creates groups and grants rights, so it is for platform administrators."""
    if not is_platform_administrator(request.user):
        raise PermissionDenied
    organisation = get_object_or_404(Organisation, pk=pk)
    if request.method == "POST":
        try:
            result = onboard_organisation(organisation)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(organisation)s is ingericht: %(groups)s, eigen pagina's en collectie „%(collection)s”.")
                % {
                    "organisation": organisation.name,
                    "groups": ", ".join(group.name for group in result.groups.values()),
                    "collection": result.collection.name,
                },
            )
        return redirect("wagtailsnippets_organisations_organisation:list")
    return TemplateResponse(request, "editorial/onboard_confirm.html", {"organisation": organisation})


def translate_page_door(request, page_id):
    """wagtail-localize's "Translate this page", for those who may edit the page (`may_translate`).

    Its own view asks only whether the user may translate at all; this door, which takes over
    its URL (cop_site/urls.py), adds whose page it is before handing over.
    """
    from wagtail.models import Page
    from wagtail_localize.views.submit_translations import SubmitPageTranslationView

    from .services import may_translate

    page = get_object_or_404(Page, pk=page_id)
    if not may_translate(request.user, page):
        raise PermissionDenied
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


def update_translations_door(request, translation_source_id):
    """wagtail-localize's "Sync translated pages": only for who may edit the source page, and
    publishing the translations at once only for who may publish it."""
    from wagtail.models import Page
    from wagtail_localize.models import TranslationSource
    from wagtail_localize.views.update_translations import UpdateTranslationsView

    from .services import may_translate

    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist as error:  # the source object was deleted
        raise Http404 from error
    if isinstance(instance, Page):
        if not may_translate(request.user, instance):
            raise PermissionDenied
        if request.method == "POST" and request.POST.get("publish_translations"):
            if not instance.permissions_for_user(request.user).can_publish():
                raise PermissionDenied
    elif not is_platform_administrator(request.user):
        raise PermissionDenied
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


@require_safe
@require_admin_access
def translations_report_door(request, results_only=False):
    """wagtail-localize's translations report (Reports → Translations), listing only the
    translations of pages the user may translate (`translatable_sources_of`).

    Its own view lists every translation on the site to anyone who reaches the admin, with the
    source pages' titles: another organisation's unpublished story would show there. This door
    takes over its URLs (cop_site/urls.py) and narrows the rows; the report is otherwise the same.
    """
    from .translation_report import OwnTranslationsReportView

    return OwnTranslationsReportView.as_view(results_only=results_only)(request)
