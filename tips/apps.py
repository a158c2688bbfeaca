from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "tips"
    verbose_name = _("Tips")

    def ready(self):
        from home import sections
        from search import registry

        from . import signals  # noqa: F401
        from .models import Tip
        from .views import toptips_section

        registry.register(Tip)
        sections.register(
            sections.HomeSection(
                key="toptips", order=30, template="tips/home_section.html", get_context=toptips_section
            )
        )
