from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AteliersConfig(AppConfig):
    name = "ateliers"
    verbose_name = _("Kennisateliers")

    def ready(self):
        from home import sections
        from search import registry

        from . import signals  # noqa: F401  (member data receivers)
        from .models import AtelierPage

        registry.register(AtelierPage)
        sections.register(
            sections.HomeSection(
                key="ateliers",
                order=30,
                template="ateliers/home_section.html",
                get_context=upcoming_for_home,
            )
        )


def upcoming_for_home(request):
    from django.utils import timezone

    from .models import AtelierPage

    ateliers = list(AtelierPage.objects.live().filter(date__gte=timezone.localdate()).order_by("date")[:3])
    if not ateliers:
        return None
    return {"ateliers": ateliers, "series": ateliers[0].get_parent()}
