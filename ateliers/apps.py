from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AteliersConfig(AppConfig):
    name = "ateliers"
    verbose_name = _("Kennisateliers")

    def ready(self):
        from core import page_cache
        from home import sections
        from organisations import published
        from search import registry

        from . import signals, tasks  # noqa: F401  (member data receivers; the reminder's notification kind)
        from .models import AtelierPage, EvaluationResponse, EvaluationScore, Registration
        from .organisation_sections import ateliers_section

        registry.register(AtelierPage)
        published.register(20, ateliers_section)
        # Registrations show on public pages only as the seats left, a fresh fragment.
        page_cache.ignore_changes_to(Registration, EvaluationResponse, EvaluationScore)
        page_cache.register_fresh_fragment("atelier-availability", render_availability)
        page_cache.register_fresh_fragment("atelier-structured-data", render_structured_data)
        sections.register(
            sections.HomeSection(
                key="ateliers",
                order=30,
                template="ateliers/home_section.html",
                get_context=upcoming_for_home,
            )
        )


def render_availability(page_id):
    from django.template.loader import render_to_string

    from .models import AtelierPage

    page = AtelierPage.objects.filter(pk=page_id).first()
    return render_to_string("ateliers/includes/availability.html", {"page": page}) if page else ""


def render_structured_data(page_id):
    """The atelier's JSON-LD (schema.org Event), whose offer follows the seats left."""
    from core.discovery import json_ld

    from .models import AtelierPage

    page = AtelierPage.objects.live().public().filter(pk=page_id).first()
    return json_ld(page.structured_data()) if page else ""


def upcoming_for_home(request):
    from django.utils import timezone

    from core.languages import canonical_pages
    from pictures.renditions import prefetch as prefetch_pictures

    from .models import AtelierPage

    ateliers = list(
        canonical_pages(AtelierPage.objects.live())
        .filter(date__gte=timezone.localdate())
        .prefetch_related(prefetch_pictures("lead_image", "card"))
        .order_by("date")[:3]
    )
    if not ateliers:
        return None
    return {"ateliers": ateliers, "series": ateliers[0].get_parent().specific}
