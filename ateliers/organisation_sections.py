"""The ateliers section on an organisation page (registered in AteliersConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from core.languages import canonical_pages
from organisations.published import section

from .models import AtelierPage


def ateliers_section(organisation_page):
    """The ateliers the organisation co-organises, newest first."""
    ateliers = (
        canonical_pages(AtelierPage.objects.live().public())
        .filter(co_organisers=organisation_page.organisation)
        .distinct()
    )
    return [section("ateliers", _("Kennisateliers"), ateliers.order_by("-date", "title"))]
