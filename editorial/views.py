"""Admin view: onboard an organisation from its snippet listing (the same service as the command)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages

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
