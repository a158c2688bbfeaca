from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "tips"
    verbose_name = _("Tips")

    def ready(self):
        from core import page_cache
        from home import sections
        from search import registry

        from . import announcements, signals  # noqa: F401  (announcements registers its notification kinds)
        from .models import PairJudgement, Priority, Tip, Vote
        from .views import toptips_section

        registry.register(Tip)
        # Round work shows on no anonymous page; the library changes when a round's results are
        # written to the tips themselves.
        page_cache.ignore_changes_to(Vote, Priority, PairJudgement)
        sections.register(
            sections.HomeSection(
                key="toptips", order=30, template="tips/home_section.html", get_context=toptips_section
            )
        )
