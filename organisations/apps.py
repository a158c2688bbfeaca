from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisaties")

    def ready(self):
        from core import page_cache

        from . import signals  # noqa: F401
        from .models import OrganisationIndexPage, OrganisationPage

        page_cache.share_with_members(OrganisationIndexPage, OrganisationPage)
